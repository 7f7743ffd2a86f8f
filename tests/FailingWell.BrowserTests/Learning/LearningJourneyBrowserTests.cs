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

namespace FailingWell.BrowserTests.Learning;

/// <summary>A lead runs an after action review from a report to a shared summary; the reporter reads it with their code.</summary>
[Collection(LiveSiteTests.Name)]
public sealed class LearningJourneyBrowserTests(LiveSite site)
{
    private const string Password = "a long enough password";

    private async Task<(string Email, string Key)> LeadWithAuthenticatorAsync()
    {
        var account = await BrowserStaff.CreateAsync(site.Services, StaffRoles.GovernanceLead, "Lena Learning");
        return (account.Email, account.AuthenticatorKey);
    }

    private async Task<(int Id, string ReceiptCode)> FallAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SubmitReport.Command
        {
            Kind = ReportKind.Incident, WhatHappened = "A patient fell in the bathroom at night: the call bell cord was tied up out of reach.",
            When = SubmitReport.WhenChoice.Yesterday, TimeOfDay = TimeBand.Night, Where = "", PersonAffected = PersonAffected.Patient,
            PhysicalHarm = PhysicalHarm.Moderate, PsychologicalHarm = PsychologicalHarm.Low,
            CategoryId = await db.Categories.Where(c => c.Name == "Falls").Select(c => c.Id).SingleAsync(), SubmissionId = Guid.NewGuid(),
        });
        var id = await db.Reports.Where(r => r.Reference == result.Reference).Select(r => r.Id).SingleAsync();
        return (id, result.ReceiptCode!);
    }

    [Fact]
    public async Task A_lead_runs_an_aar_from_a_report_to_a_shared_summary_the_reporter_reads_it_and_every_page_is_accessible()
    {
        var (email, key) = await LeadWithAuthenticatorAsync();
        var (reportId, receipt) = await FallAsync();
        var page = await site.NewPageAsync();

        await page.GotoAsync($"/triage/reports/{reportId}");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var code = SingleUseAuthenticatorTokenProvider.Code(Base32.Decode(key), SingleUseAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.UtcNow));
        await page.GetByLabel("Code from your authenticator app").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Learning response" }).WaitForAsync();

        // The plan proposes an AAR (falls, moderate harm); the lead accepts it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose a learning response" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Choose a learning response" }).WaitForAsync();
        Assert.Contains("After action review", await page.Locator("#proposal").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the learning response" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Short title").FillAsync("Bathroom fall at night");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the learning response" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Bathroom fall at night" }).WaitForAsync();
        Assert.Contains("The lead accepted it.", await page.Locator("#plan-decision").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Registered nurse").CheckAsync();
        await page.GetByLabel("Healthcare assistant").CheckAsync();
        await page.GetByLabel("What was expected to happen?").FillAsync("The patient would call for help to get to the toilet.");
        await page.GetByLabel("What actually happened?").FillAsync("The patient went alone and fell.");
        await page.GetByLabel("Why was there a difference?").FillAsync("The call bell cord had been tied up during cleaning.");
        await page.GetByLabel("What can we learn?").FillAsync("Cords must hang free; check them on every bed round.");
        await page.GetByLabel("Person", new() { Exact = true }).FillAsync("Patient new to the ward, not shown the bell.");
        await page.GetByLabel("Tasks", new() { Exact = true }).FillAsync("Toileting at night with one nurse for the bay.");
        await page.GetByLabel("Tools and technology", new() { Exact = true }).FillAsync("Pull cord tied up out of reach.");
        await page.GetByLabel("Organisation", new() { Exact = true }).FillAsync("Cleaning schedule does not include the cords.");
        await page.GetByLabel("Internal environment", new() { Exact = true }).FillAsync("Wet floor, dim light.");
        await page.GetByLabel("External environment", new() { Exact = true }).FillAsync("None found.");

        // A safety action whose effect is measured by falls reports.
        await page.GetByLabel("What will be done").FillAsync("Free-hanging call bell cords in every bathroom");
        await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = "Lena Learning" });
        var due = DateTime.UtcNow.AddMonths(2);
        await page.GetByLabel("Day").FillAsync(due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Falls" });
        await page.GetByLabel("Fall", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add safety action" }).ClickAsync();
        await page.GetByText("Safety action added.").WaitForAsync();

        // The record's answers were not saved with the action: fill them again and complete (without findings first).
        await page.GetByLabel("What was expected to happen?").FillAsync("The patient would call for help to get to the toilet.");
        await page.GetByLabel("What actually happened?").FillAsync("The patient went alone and fell.");
        await page.GetByLabel("Why was there a difference?").FillAsync("The call bell cord had been tied up during cleaning.");
        await page.GetByLabel("What can we learn?").FillAsync("Cords must hang free; check them on every bed round.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and complete" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        Assert.Contains("Write the findings", await page.Locator(".nhsuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Findings", new() { Exact = true }).FillAsync("The system, not the nurse: cleaning ties cords up and nobody unties them.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and complete" }).ClickAsync();
        await page.GetByText("Response completed.").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("What we found and what will change").FillAsync("Thank you for telling us. Bathroom call bell cords now hang free, and are checked on every round.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Share with the reporter" }).ClickAsync();
        await page.GetByText("Summary shared.").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "learning-response.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Free-hanging call bell cords in every bathroom" }).ClickAsync();
        await page.Locator("svg.fw-spc").WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        foreach (var path in new[] { "/learning", "/learning/oversight", "/admin/response-plan", "/learning/thematic?Words=bathroom", "/learning/just-culture" })
        {
            await page.GotoAsync(path);
            await page.Locator("h1").WaitForAsync();
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        // The reporter, anonymous, with their receipt code.
        var reporter = await site.NewPageAsync();
        await reporter.GotoAsync("/report/follow-up");
        await reporter.GetByLabel("Receipt code").FillAsync(receipt);
        await reporter.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await reporter.GetByRole(AriaRole.Heading, new() { Name = "What we learned from looking into it" }).WaitForAsync();
        Assert.Contains("call bell cords now hang free", await reporter.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("The system, not the nurse", await reporter.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(reporter);
    }
}
