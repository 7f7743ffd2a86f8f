using FailingWell.BrowserTests.Support;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Home;

[Collection(LiveSiteTests.Name)]
public sealed class HomePageBrowserTests(LiveSite site)
{
    [Fact]
    public async Task Home_page_opens_in_Chromium_with_no_serious_accessibility_violations()
    {
        var page = await site.NewPageAsync();

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Speak up safely", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.GetByText("Nobody will be blamed for reporting.").IsVisibleAsync());
        // The NHS.UK stylesheet is applied: the header is NHS blue.
        var headerColour = await page.Locator("header.nhsuk-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(0, 94, 184)", headerColour);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "home.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_phone_user_reaches_the_report_page_from_the_home_page()
    {
        var page = await site.NewPageAsync(width: 375, height: 740);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Report something now" }).ClickAsync();

        await page.WaitForURLAsync("**/report");
        Assert.Equal("Report something", await page.Locator("h1").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "report-phone.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
