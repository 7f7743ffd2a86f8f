using FailingWell.BrowserTests.Support;
using FailingWell.Web.Domain;
using FailingWell.Web.Features.Admin;
using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Triage;

/// <summary>A lead's desk at working scale, on a site of its own with 45 open reports: density, axe at two widths, and the keyboard alone.</summary>
public sealed class LeadDeskBrowserTests : IAsyncLifetime
{
    private const string Password = "a long enough password";
    private const int OpenReports = 45;
    private readonly LiveSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public Task DisposeAsync() => site.DisposeAsync();

    private async Task<(string Email, string Key)> SeedAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
        var categories = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        var random = new Random(20);
        for (var i = 0; i < OpenReports; i++)
        {
            await mediator.Send(new SubmitReport.Command
            {
                Kind = Enum.GetValues<ReportKind>()[i % 3], WhatHappened = $"Report {i}: the bed rails were left down overnight on the ward and nobody noticed until the morning round.",
                When = SubmitReport.WhenChoice.Yesterday, TimeOfDay = Enum.GetValues<TimeBand>()[i % 4], Where = "", PersonAffected = PersonAffected.Patient,
                PhysicalHarm = Enum.GetValues<PhysicalHarm>()[random.Next(0, 4)], PsychologicalHarm = PsychologicalHarm.None,
                CategoryId = categories[i % categories.Count], SubmissionId = Guid.NewGuid(),
            });
        }

        // Long titles, as leads write them: the queue cuts them to one line.
        foreach (var report in await db.Reports.Where(r => r.Id % 3 == 0).ToListAsync())
        {
            report.Title = "Bed rails left down overnight on a busy surgical ward during a staffing shortfall, found at the morning round";
        }

        await db.SaveChangesAsync();
        var email = $"desk-{Guid.NewGuid():N}@trust.nhs.uk";
        var created = await mediator.Send(new AddAccount.Command { Email = email, DisplayName = "Desk Lead", Role = StaffRoles.GovernanceLead, Password = Password });
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var account = (await users.FindByIdAsync(created.AccountId))!;
        await users.ResetAuthenticatorKeyAsync(account);
        await users.SetTwoFactorEnabledAsync(account, true);
        return (email, (await users.GetAuthenticatorKeyAsync(account))!);
    }

    private static async Task SignInAsync(IPage page, string email, string key)
    {
        await page.GotoAsync("/triage?Filter.Status=new");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var code = SingleUseAuthenticatorTokenProvider.Code(Base32.Decode(key), SingleUseAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.UtcNow));
        await page.GetByLabel("Code from your authenticator app").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Reports", Exact = true }).WaitForAsync();
    }

    /// <summary>What has the focus: "tag|id|name|text".</summary>
    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>(
        "() => { const e = document.activeElement; return [e.tagName, e.id, e.getAttribute('name') ?? '', (e.innerText ?? '').trim()].join('|'); }");

    /// <summary>Presses Tab until the focus is where <paramref name="wanted"/> says, as a keyboard user moves through the page.</summary>
    private static async Task<string> TabToAsync(IPage page, Func<string, bool> wanted, int most = 150)
    {
        // Start once the page's scripts have run: a late one moves the focus (to a "saved" banner), and an
        // Enter meant for the link then lands elsewhere (seen once on a loaded machine: the queue never came).
        await page.WaitForLoadStateAsync(LoadState.Load);
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            if (wanted(focused))
            {
                return focused;
            }
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached the element wanted; last: {await FocusedAsync(page)}");
    }

    private async Task<Report> SavedAsync(string reference)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FailingWellDbContext>().Reports.AsNoTracking().SingleAsync(r => r.Reference == reference);
    }

    [Fact]
    public async Task A_lead_sees_fifteen_reports_at_once_and_triages_and_bulk_acknowledges_with_the_keyboard_alone()
    {
        var (email, key) = await SeedAsync();
        var page = await site.NewPageAsync(1280, 800);
        await SignInAsync(page, email, key);

        // Density: at 1280 x 800 at least 15 whole rows are above the fold.
        var rows = await page.Locator("table.fw-queue tbody tr").AllAsync();
        var visible = 0;
        foreach (var row in rows)
        {
            var box = (await row.BoundingBoxAsync())!;
            Assert.True(box.Height < 40, $"a queue row is {box.Height} pixels high: more than one line");
            if (box.Y + box.Height <= 800)
            {
                visible++;
            }
        }

        Assert.True(visible >= 15, $"{visible} queue rows above the fold at 1280 x 800");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the queue is wider than the screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "lead-desk-1280.png") });
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Keyboard alone from here: the skip link, Tab, Enter, Space and the arrow keys.
        await page.Keyboard.PressAsync("Tab");
        Assert.Contains("Skip to main content", await FocusedAsync(page), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Tab");
        Assert.Contains("Skip to the list of reports", await FocusedAsync(page), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Enter");
        var box1 = await TabToAsync(page, f => f.StartsWith("INPUT|Bulk_Selected|", StringComparison.Ordinal));
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle")); // focus is visible
        var link = await TabToAsync(page, f => f.StartsWith("A|", StringComparison.Ordinal));
        var reference = link.Split('|')[3];
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = reference }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await TabToAsync(page, f => f == "BUTTON|||Acknowledge");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Report acknowledged").WaitForAsync();
        await TabToAsync(page, f => f.StartsWith("SELECT|Grade_PhysicalHarm|", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("ArrowDown"); // Low harm
        await TabToAsync(page, f => f.StartsWith("SELECT|Grade_Consequence|", StringComparison.Ordinal));
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown"); // 3 Moderate
        }

        await TabToAsync(page, f => f.StartsWith("SELECT|Grade_Likelihood|", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown"); // 2 Unlikely
        await TabToAsync(page, f => f == "BUTTON|||Save grading");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Grading saved").WaitForAsync();
        var triaged = await SavedAsync(reference);
        Assert.Equal((ReportStatus.UnderReview, PhysicalHarm.Low, 6), (triaged.Status, triaged.PhysicalHarm, triaged.RiskScore ?? 0));

        // Back to the queue (its filter remembered), and two reports acknowledged in one step.
        await TabToAsync(page, f => f.Contains("Back to reports", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Reports", Exact = true }).WaitForAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter"); // skip to the list
        var chosen = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await TabToAsync(page, f => f.StartsWith("INPUT|Bulk_Selected", StringComparison.Ordinal));
            await page.Keyboard.PressAsync("Space");
            chosen.Add((await TabToAsync(page, f => f.StartsWith("A|", StringComparison.Ordinal))).Split('|')[3]);
        }

        Assert.DoesNotContain(reference, chosen); // the queue came back to "new", which the triaged report has left
        await TabToAsync(page, f => f == "BUTTON||Bulk.Action|Acknowledge selected");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText("Acknowledged: 2 reports").WaitForAsync();
        foreach (var one in chosen)
        {
            Assert.Equal(ReportStatus.Acknowledged, (await SavedAsync(one)).Status);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "lead-desk-bulk.png") });
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // A phone: the same queue and report page, still accessible.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/triage?Filter.Status=open");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "lead-desk-390.png"), FullPage = true });
        await page.GotoAsync($"/triage/reports/{triaged.Id}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.NotEmpty(box1);
    }
}
