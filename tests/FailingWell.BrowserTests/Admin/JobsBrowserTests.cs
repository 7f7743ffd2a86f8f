using FailingWell.BrowserTests.Support;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Quartz;

namespace FailingWell.BrowserTests.Admin;

/// <summary>/admin/jobs after a job has run, at desktop width: every part passes axe, and run now works from the page (decision 0107).</summary>
[Collection(LiveSiteTests.Name)]
public sealed class JobsBrowserTests(LiveSite site)
{
    [Fact]
    public async Task An_admin_sees_the_jobs_and_their_last_runs_runs_one_now_and_the_page_has_no_accessibility_violations()
    {
        var scheduler = await site.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(new JobKey("culture-rollups", "culture"));
        Assert.True(await RanAsync("culture-rollups"), "the roll-up job never ran");

        var admin = await BrowserStaff.CreateAsync(site.Services, StaffRoles.Admin, "Jo Jobs");
        var page = await site.NewPageAsync();
        await page.GotoAsync("/admin/jobs");
        await BrowserStaff.SignInAsync(page, admin);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Scheduled jobs", Exact = true }).WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "digests.weekly-digests" }).WaitForAsync();
        Assert.True(await page.GetByText("Every Monday at 07:00, UK time").IsVisibleAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Run now email.outbox-delivery" }).ClickAsync();
        await page.GetByText("email.outbox-delivery asked to run now").WaitForAsync();
        Assert.True(await RanAsync("outbox-delivery", manual: true), "run now never ran the job");
        await page.ReloadAsync();
        await page.Locator("[data-job='email.outbox-delivery']").GetByText("(run now)").First.WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Run now network.publish-aggregates" }).CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "admin-jobs.png"), FullPage = true });
    }

    private async Task<bool> RanAsync(string job, bool manual = false)
    {
        for (var i = 0; i < 60; i++)
        {
            await using (var scope = site.Services.CreateAsyncScope())
            {
                if (await scope.ServiceProvider.GetRequiredService<FailingWellDbContext>().JobRuns.AnyAsync(r => r.JobName == job && (!manual || r.Manual)))
                {
                    return true;
                }
            }

            await Task.Delay(500);
        }

        return false;
    }
}
