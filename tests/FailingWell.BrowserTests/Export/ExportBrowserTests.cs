using System.IO.Compression;
using FailingWell.BrowserTests.Support;
using FailingWell.Web.Infrastructure.Accounts;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Export;

/// <summary>/admin/export: what the zip holds, no accessibility violations, and the button downloads a zip a spreadsheet can open.</summary>
[Collection(LiveSiteTests.Name)]
public sealed class ExportBrowserTests(LiveSite site)
{
    [Fact]
    public async Task An_admin_reads_what_the_export_holds_downloads_it_as_a_zip_and_the_page_has_no_accessibility_violations()
    {
        var admin = await BrowserStaff.CreateAsync(site.Services, StaffRoles.Admin, "Ed Export");
        var page = await site.NewPageAsync();
        await page.GotoAsync("/admin/export");
        await BrowserStaff.SignInAsync(page, admin);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Export everything", Exact = true }).WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Cell, new() { Name = "reports.csv", Exact = true }).IsVisibleAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "admin-export.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download everything (zip)" }).ClickAsync());

        Assert.StartsWith("failingwell-export-", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(site.ScreenshotFolder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        using var zip = ZipFile.OpenRead(path);
        Assert.Contains(zip.Entries, e => e.FullName == "reports.csv");
        Assert.Contains(zip.Entries, e => e.FullName == "data-dictionary.csv");
        File.Delete(path);
    }
}
