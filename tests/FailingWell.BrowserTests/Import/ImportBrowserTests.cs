using FailingWell.BrowserTests.Support;
using FailingWell.Web.Infrastructure.Accounts;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Import;

/// <summary>/admin/import and the mapping page, as an admin uses them: each step passes axe (decision 0130).</summary>
[Collection(LiveSiteTests.Name)]
public sealed class ImportBrowserTests(LiveSite site)
{
    [Fact]
    public async Task An_admin_uploads_an_export_maps_its_columns_and_checks_it_and_every_step_has_no_accessibility_violations()
    {
        var admin = await BrowserStaff.CreateAsync(site.Services, StaffRoles.Admin, "Ira Import");
        var page = await site.NewPageAsync();
        await page.GotoAsync("/admin/import");
        await BrowserStaff.SignInAsync(page, admin);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bring history in", Exact = true }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        var csv = "ID,Incident date,Description,Category,Severity,Reporter\r\n"
            + "U1,03/02/2025 14:30,Patient found on the floor; no injury.,Falls,No harm,Jane Smith\r\n"
            + "U2,31/02/2025,Wrong dose prepared; noticed in time.,Falls,Catastrophic,Sam Jones\r\n";
        await page.GetByLabel("Which system it comes from").FillAsync("Ulysses");
        await page.GetByLabel("The export").SetInputFilesAsync(new FilePayload { Name = "ulysses.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Map and import an export" }).WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save columns" }).ClickAsync();
        await page.GetByText("Columns saved.").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file (nothing is written)" }).ClickAsync();
        await page.GetByText("2 rows: 0 new, 0 already here.").WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Cell, new() { Name = "'31/02/2025' is not a date like 31/01/2024", Exact = true }).IsVisibleAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "admin-import-check.png"), FullPage = true });
    }
}
