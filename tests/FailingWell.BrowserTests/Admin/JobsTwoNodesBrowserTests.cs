using FailingWell.BrowserTests.Support;
using FailingWell.Tests.Support;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Admin;

/// <summary>
/// /admin/jobs as an operations team sees it: two Production nodes as processes on one PostgreSQL
/// database with one clustered schedule, an admin signed in on one node reading the page on the other,
/// at desktop and phone width, every part passing axe (decisions 0107).
/// </summary>
public sealed class JobsTwoNodesBrowserTests
{
    [Fact]
    public async Task An_admin_reads_the_runs_of_both_clustered_nodes_by_name_runs_a_job_now_and_the_page_has_no_accessibility_violations()
    {
        var database = PrivatePostgres.Shared.CreateMigratedDatabase();
        // In-process, only to make the admin and read the database; its scheduler is not the cluster's.
        var setup = LiveSite.With(new Dictionary<string, string>
        {
            ["ConnectionStrings:FailingWell"] = database,
            ["Database:Provider"] = nameof(DatabaseProvider.PostgreSql),
        });
        await setup.InitializeAsync();
        try
        {
            var admin = await BrowserStaff.CreateAsync(setup.Services, StaffRoles.Admin, "Ops Admin");
            var cluster = "FailingWell-" + Guid.NewGuid().ToString("N");
            Dictionary<string, string> Node(string name) => ClusterNode.Settings(cluster, name);

            using var ward = await SiteProcess.StartAsync(database, DatabaseProvider.PostgreSql, Node("ward-block-node"));
            using var theatres = await SiteProcess.StartAsync(database, DatabaseProvider.PostgreSql, Node("theatres-node"));
            Assert.True(await BothNodesRanAsync(setup), "both nodes never recorded a run:\n" + ward.Output + "\n" + theatres.Output);

            var page = await setup.NewPageAsync();
            await page.GotoAsync(new Uri(ward.Address, "/admin/jobs").ToString());
            await BrowserStaff.SignInAsync(page, admin);
            await page.GetByRole(AriaRole.Heading, new() { Name = "Scheduled jobs", Exact = true }).WaitForAsync();

            // The same browser on the other node: one key ring, so the sign-in holds there too.
            await page.GotoAsync(new Uri(theatres.Address, "/admin/jobs").ToString());
            await page.GetByRole(AriaRole.Heading, new() { Name = "Scheduled jobs", Exact = true }).WaitForAsync();
            var text = await page.Locator("main").InnerTextAsync();
            Assert.Contains("ward-block-node", text, StringComparison.Ordinal);
            Assert.Contains("theatres-node", text, StringComparison.Ordinal);
            Assert.Contains("Nodes that ran jobs recently:", text, StringComparison.Ordinal);
            await Accessibility.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Run now email.outbox-delivery" }).ClickAsync();
            await page.GetByText("email.outbox-delivery asked to run now").WaitForAsync();
            Assert.True(await RanNowAsync(setup), "run now never ran the job on either node");
            await page.ReloadAsync();
            await page.Locator("[data-job='email.outbox-delivery']").GetByText("(run now)").First.WaitForAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(setup.ScreenshotFolder, "admin-jobs-two-nodes.png"), FullPage = true });

            // An on-call admin on a phone.
            var phone = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
                StorageState = await page.Context.StorageStateAsync(),
            });
            var small = await phone.NewPageAsync();
            small.SetDefaultTimeout(60_000);
            await small.GotoAsync(new Uri(theatres.Address, "/admin/jobs").ToString());
            await small.GetByRole(AriaRole.Heading, new() { Name = "Scheduled jobs", Exact = true }).WaitForAsync();
            await Accessibility.AssertNoViolationsAsync(small);
            await small.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(setup.ScreenshotFolder, "admin-jobs-two-nodes-phone.png") });
        }
        finally
        {
            await setup.DisposeAsync();
            PrivatePostgres.Shared.DropDatabase(database);
        }
    }

    private static async Task<bool> BothNodesRanAsync(LiveSite setup) =>
        await UntilAsync(setup, async db =>
        {
            var nodes = await db.JobRuns.Select(r => r.Node).Distinct().ToListAsync();
            return nodes.Contains("ward-block-node") && nodes.Contains("theatres-node");
        });

    private static async Task<bool> RanNowAsync(LiveSite setup) =>
        await UntilAsync(setup, db => db.JobRuns.AnyAsync(r => r.JobName == "outbox-delivery" && r.Manual && r.Node.EndsWith("-node")));

    private static async Task<bool> UntilAsync(LiveSite setup, Func<FailingWellDbContext, Task<bool>> done)
    {
        for (var i = 0; i < 80; i++)
        {
            await using (var scope = setup.Services.CreateAsyncScope())
            {
                if (await done(scope.ServiceProvider.GetRequiredService<FailingWellDbContext>()))
                {
                    return true;
                }
            }

            await Task.Delay(500);
        }

        return false;
    }
}
