using FailingWell.BrowserTests.Support;
using FailingWell.Web.Infrastructure.Accounts;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Account;

/// <summary>A shared ward PC: the header's Sign out button must end the session, whichever way the header folds.</summary>
[Collection(LiveSiteTests.Name)]
public sealed class SignOutBrowserTests(LiveSite site)
{
    [Fact]
    public async Task The_header_sign_out_button_ends_the_session_on_a_shared_computer()
    {
        var lead = await BrowserStaff.CreateAsync(site.Services, StaffRoles.GovernanceLead, "Ward Lead");
        var page = await site.NewPageAsync();
        await page.GotoAsync("/triage");
        await BrowserStaff.SignInAsync(page, lead);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Reports", Exact = true }).WaitForAsync();

        // Opening the sign-out address does not claim a sign-out it did not do: it offers the button.
        await page.GotoAsync("/account/sign-out");
        await page.GetByText("You are still signed in").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "sign-out-still-signed-in.png"), FullPage = true });

        // The header may fold Sign out under "More" at some widths and fonts: open it when it has.
        var header = page.Locator("header");
        var signOut = header.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        if (!await signOut.IsVisibleAsync())
        {
            await header.GetByRole(AriaRole.Button, new() { Name = "Browse More" }).ClickAsync();
        }

        await signOut.ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "You have signed out" }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync("/triage");
        await page.GetByLabel("Email address").WaitForAsync();
        Assert.DoesNotContain("/triage", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync());
    }
}
