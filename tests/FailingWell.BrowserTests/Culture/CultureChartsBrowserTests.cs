using FailingWell.BrowserTests.Support;
using FailingWell.Web.Features.Culture;
using FailingWell.Web.Features.Demo;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Culture;

/// <summary>The culture page over the demo trust's three years, on a site of its own (the demo fills its database).</summary>
public sealed class CultureChartsBrowserTests : IAsyncLifetime
{
    private readonly LiveSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public Task DisposeAsync() => site.DisposeAsync();

    [Fact]
    public async Task The_demo_trusts_culture_page_has_no_accessibility_violations_and_no_two_timeline_labels_overlap()
    {
        string email = DemoTrust.Accounts.Single(a => a.Role == StaffRoles.Executive).Email;
        string key;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoTrust>().EnsureAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<CultureRollups>().RecountAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-4), CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
            db.Settings.Add(new Web.Domain.Setting { Key = CultureTargets.Prefix + "feedback", Value = "90" });
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            var account = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
            key = (await users.GetAuthenticatorKeyAsync(account))!;
        }

        var page = await site.NewPageAsync();
        await page.GotoAsync("/culture");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoTrust.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(SingleUseAuthenticatorTokenProvider.Code(Base32.Decode(key), SingleUseAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.UtcNow)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Reporting culture" }).WaitForAsync();

        // The demo trust's three events are on every chart with figures (a measure whose every count is
        // suppressed, like a month's speak-up cases, draws none); their labels' boxes never meet.
        foreach (var chart in await page.Locator("svg.fw-spc:not(:has(.fw-spc-note))").AllAsync())
        {
            var boxes = new List<LocatorBoundingBoxResult>();
            foreach (var label in await chart.Locator(".fw-spc-marker-text").AllAsync())
            {
                boxes.Add((await label.BoundingBoxAsync())!);
            }

            Assert.True(boxes.Count >= 3, $"a chart shows {boxes.Count} event labels");
            for (var i = 0; i < boxes.Count; i++)
            {
                for (var j = i + 1; j < boxes.Count; j++)
                {
                    var (a, b) = (boxes[i], boxes[j]);
                    var overlap = a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
                    Assert.False(overlap, $"event labels {i + 1} and {j + 1} overlap");
                }
            }
        }

        Assert.True(await page.Locator("table .fw-icon").CountAsync() >= 11, "the summary table shows a variation icon for each measure and an assurance icon where there is a target");
        Assert.True(await page.Locator("svg.fw-spc .fw-spc-target").CountAsync() == 1, "the target is drawn on its chart");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "culture-demo.png"), FullPage = true });
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
