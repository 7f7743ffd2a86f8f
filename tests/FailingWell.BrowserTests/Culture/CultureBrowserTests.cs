using FailingWell.BrowserTests.Support;
using FailingWell.Web.Domain;
using FailingWell.Web.Features.Admin;
using FailingWell.Web.Features.Culture;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Culture;

[Collection(LiveSiteTests.Name)]
public sealed class CultureBrowserTests(LiveSite site)
{
    [Fact]
    public async Task An_executive_reads_the_culture_page_with_charts_tables_and_no_serious_accessibility_violations()
    {
        const string password = "a long enough password";
        var email = $"exec-{Guid.NewGuid():N}@trust.nhs.uk";
        string key;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AddAccount.Command { Email = email, DisplayName = "Cal Exec", Role = StaffRoles.Executive, Password = password });
            // Executives sign in with two factors, as every governance role does.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            var account = (await users.FindByIdAsync(created.AccountId))!;
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
            key = (await users.GetAuthenticatorKeyAsync(account))!;
            var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
            db.Annotations.Add(new Annotation { On = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-6), Text = "Reporting campaign" });
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<CultureRollups>().RecountAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-3), CancellationToken.None);
        }

        var page = await site.NewPageAsync();
        await page.GotoAsync("/culture");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(SingleUseAuthenticatorTokenProvider.Code(Base32.Decode(key), SingleUseAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.UtcNow)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Reporting culture" }).WaitForAsync();

        Assert.Equal(FailingWell.Web.Features.Culture.CultureView.Measures.Count, await page.Locator("svg.fw-spc").CountAsync()); // one chart a measure
        Assert.True(await page.GetByText("What has changed").IsVisibleAsync());
        await page.GetByText("The figures for reports received").ClickAsync();
        Assert.True(await page.Locator("#measure-reports table").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "culture.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
