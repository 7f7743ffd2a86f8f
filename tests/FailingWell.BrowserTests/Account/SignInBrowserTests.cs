using FailingWell.BrowserTests.Support;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Account;

[Collection(LiveSiteTests.Name)]
public sealed class SignInBrowserTests(LiveSite site)
{
    [Fact]
    public async Task Sign_in_errors_are_summarised_linked_to_their_field_and_accessible()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Email address").FillAsync("someone@trust.nhs.uk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var summary = page.Locator(".nhsuk-error-summary");
        await summary.WaitForAsync();
        Assert.Equal("Enter your password", (await summary.Locator("li").AllInnerTextsAsync()).Single().Trim());
        Assert.Equal("someone@trust.nhs.uk", await page.GetByLabel("Email address").InputValueAsync());
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);

        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your password" }).ClickAsync();
        Assert.Equal("Input_Password", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "sign-in-error.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
