using FailingWell.BrowserTests.Support;
using FailingWell.Web.Features.Lfpse.Sandbox;
using FailingWell.Web.Infrastructure.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Lfpse;

/// <summary>/admin/lfpse/sandbox in Chromium: a site of its own in Development with no LFPSE configured (decision 0124).</summary>
public sealed class LfpseSandboxBrowserTests
{
    private static string Golden(string name)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "tests", "FailingWell.Tests", "Lfpse", "Golden")))
        {
            folder = folder.Parent;
        }

        return File.ReadAllText(Path.Combine(folder!.FullName, "tests", "FailingWell.Tests", "Lfpse", "Golden", name + ".json"));
    }

    [Fact]
    public async Task An_admin_reads_the_exact_JSON_the_sandbox_received_at_desktop_and_phone_width_with_no_accessibility_violations()
    {
        var site = LiveSite.With(new Dictionary<string, string> { ["environment"] = "Development", ["Demo:Enabled"] = "false" });
        await site.InitializeAsync();
        try
        {
            var sandbox = site.Services.GetRequiredService<LfpseSandbox>();
            var incident = Golden("incident");
            sandbox.Receive("POST", null, incident);
            sandbox.Receive("POST", null, """{ "resourceType": "AdverseEvent" }""");
            var admin = await BrowserStaff.CreateAsync(site.Services, StaffRoles.Admin, "Sandy Box");
            var page = await site.NewPageAsync();
            await page.GotoAsync("/admin/lfpse/sandbox");
            await BrowserStaff.SignInAsync(page, admin);
            await page.GetByRole(AriaRole.Heading, new() { Name = "LFPSE sandbox", Exact = true }).WaitForAsync();

            await page.GetByText("The JSON received for request 1").ClickAsync();
            Assert.Equal(incident.TrimEnd(), (await page.GetByTestId("body-1").InnerTextAsync()).TrimEnd());
            Assert.Contains("SANDBOX-000001", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await Accessibility.AssertNoViolationsAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "admin-lfpse-sandbox.png"), FullPage = true });

            var phone = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, BaseURL = site.BaseAddress.ToString(),
                StorageState = await page.Context.StorageStateAsync(),
            });
            var small = await phone.NewPageAsync();
            await small.GotoAsync("/admin/lfpse/sandbox");
            await small.GetByRole(AriaRole.Heading, new() { Name = "LFPSE sandbox", Exact = true }).WaitForAsync();
            await Accessibility.AssertNoViolationsAsync(small);
            await small.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "admin-lfpse-sandbox-phone.png"), FullPage = true });
            await phone.DisposeAsync();
        }
        finally
        {
            await site.DisposeAsync();
        }
    }
}
