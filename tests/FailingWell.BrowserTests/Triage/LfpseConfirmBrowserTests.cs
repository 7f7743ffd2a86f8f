using FailingWell.BrowserTests.Support;
using FailingWell.Tests.Support;
using FailingWell.Web.Domain;
using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Triage;

/// <summary>
/// A lead sends a report to LFPSE (the tests' fake, on loopback) from the report page: the answers, the preview
/// of the exact JSON, the confirmation, and LFPSE's reference number back on the report page; axe on each.
/// </summary>
// A site of its own (with the fake LFPSE's address), as JobsTwoNodesBrowserTests has: not the shared live site.
public sealed class LfpseConfirmBrowserTests
{
    [Fact]
    public async Task A_lead_previews_the_exact_JSON_confirms_and_the_report_page_shows_LFPSEs_reference_number_and_every_page_is_accessible()
    {
        await using var lfpse = await FakeLfpse.StartAsync();
        var site = LiveSite.With(new Dictionary<string, string>
        {
            ["Lfpse:BaseUrl"] = lfpse.BaseUrl,
            ["Lfpse:SubscriptionKey"] = FakeLfpse.Key,
            ["Lfpse:OdsCode"] = "RRV",
            ["Lfpse:DeliveryIntervalSeconds"] = "1",
        });
        await site.InitializeAsync();
        try
        {
            var lead = await BrowserStaff.CreateAsync(site.Services, StaffRoles.GovernanceLead, "Dana Lead");
            var reference = await MappedReportAsync(site);
            var page = await site.NewPageAsync();
            await page.GotoAsync("/triage");
            await BrowserStaff.SignInAsync(page, lead);
            await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "LFPSE", Exact = true }).WaitForAsync();
            Assert.Equal("Not yet confirmed", await page.Locator("#lfpse-state").InnerTextAsync());
            await Accessibility.AssertNoViolationsAsync(page);

            await page.GetByRole(AriaRole.Link, new() { Name = "Confirm the LFPSE answers and send" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Send to LFPSE", Exact = true }).WaitForAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
            // Nothing chosen yet: the preview says what LFPSE still needs instead of any JSON.
            await page.GetByText("Not complete").WaitForAsync();
            Assert.Contains("The level of concern.", await page.Locator("#lfpse-preview").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("#lfpse-json").CountAsync());
            await Accessibility.AssertNoViolationsAsync(page);

            await page.GetByLabel("What happened, as it will be sent").FillAsync("A patient was found with the bed rails down overnight.");
            await page.GetByLabel("Fairly concerned").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Does the duty of candour apply?" }).GetByLabel("No", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "What will be sent" }).WaitForAsync();
            var json = await page.Locator("#lfpse-json").InnerTextAsync();
            Assert.Contains("A patient was found with the bed rails down overnight.", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Mrs Khan", json, StringComparison.Ordinal);
            await Accessibility.AssertNoViolationsAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "lfpse-preview.png"), FullPage = true });

            await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and send to LFPSE" }).ClickAsync();
            await page.GetByText("LFPSE answers confirmed").WaitForAsync();
            // The delivery job runs every second here: the reference number arrives without anyone asking.
            for (var i = 0; i < 60 && !await page.Locator("#lfpse-reference").IsVisibleAsync(); i++)
            {
                await Task.Delay(500);
                await page.ReloadAsync();
            }

            Assert.Equal("LFPSE-000001", await page.Locator("#lfpse-reference").InnerTextAsync());
            Assert.Equal("Sent", await page.Locator("#lfpse-state").InnerTextAsync());
            Assert.Equal(json, Assert.Single(lfpse.Requests).Body);
            await Accessibility.AssertNoViolationsAsync(page);
            await page.Locator("#lfpse").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "lfpse-report-sent.png") });

            // Harm regraded after it was sent (as a lead's grading would): the page says LFPSE's copy is out of date.
            await using (var scope = site.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<FailingWellDbContext>().Reports
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.PhysicalHarm, PhysicalHarm.Moderate));
            }

            await page.ReloadAsync();
            await page.Locator("#lfpse-changed").GetByText("Changed since it was sent").WaitForAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.Locator("#lfpse").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "lfpse-report-changed.png") });
        }
        finally
        {
            await site.DisposeAsync();
        }
    }

    /// <summary>An incident whose division, location, category and staff group all have their LFPSE codes.</summary>
    private static async Task<string> MappedReportAsync(LiveSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
        await db.Divisions.ExecuteUpdateAsync(u => u.SetProperty(d => d.LfpseServiceArea, "1").SetProperty(d => d.LfpseSpecialty, "2"));
        await db.Locations.ExecuteUpdateAsync(u => u.SetProperty(l => l.LfpseLocationWithinService, "4"));
        await db.Categories.ExecuteUpdateAsync(u => u.SetProperty(c => c.LfpseInvolvedAgents, "10").SetProperty(c => c.LfpseSafetyChallenges, "6"));
        await db.StaffGroups.ExecuteUpdateAsync(u => u.SetProperty(s => s.LfpseStaffType, "9"));
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SubmitReport.Command
        {
            Kind = ReportKind.Incident, WhatHappened = "Mrs Khan's bed rails were left down overnight.", When = SubmitReport.WhenChoice.Yesterday,
            TimeOfDay = TimeBand.Night, Where = "", PersonAffected = PersonAffected.Patient, PhysicalHarm = PhysicalHarm.Low,
            PsychologicalHarm = PsychologicalHarm.Low, CategoryId = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            SubmissionId = Guid.NewGuid(),
        });
        return result.Reference;
    }
}
