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

[Collection(LiveSiteTests.Name)]
public sealed class LeadJourneyBrowserTests(LiveSite site)
{
    private const string Password = "a long enough password";

    private async Task<(string Email, string Key)> LeadWithAuthenticatorAsync()
    {
        var account = await BrowserStaff.CreateAsync(site.Services, StaffRoles.GovernanceLead, "Dana Lead");
        return (account.Email, account.AuthenticatorKey);
    }

    private async Task<string> ReportAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SubmitReport.Command
        {
            Kind = ReportKind.Incident, WhatHappened = "The bed rails were left down overnight.", When = SubmitReport.WhenChoice.Yesterday,
            TimeOfDay = TimeBand.Night, Where = "", PersonAffected = PersonAffected.Patient, PhysicalHarm = PhysicalHarm.Low,
            PsychologicalHarm = PsychologicalHarm.Low, CategoryId = await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            SubmissionId = Guid.NewGuid(),
        });
        return result.Reference;
    }

    [Fact]
    public async Task A_lead_signs_in_with_a_code_takes_a_report_from_the_queue_to_closed_and_every_page_is_accessible()
    {
        var (email, key) = await LeadWithAuthenticatorAsync();
        var reference = await ReportAsync();
        var page = await site.NewPageAsync();

        await page.GotoAsync("/triage");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Enter your security code" }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var code = SingleUseAuthenticatorTokenProvider.Code(Base32.Decode(key), SingleUseAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.UtcNow));
        await page.GetByLabel("Code from your authenticator app").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Reports", Exact = true }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "triage-queue.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = reference }).WaitForAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await page.GetByText("Report acknowledged").WaitForAsync();

        await page.GetByLabel("Write to the reporter").FillAsync("Thank you. We have checked the rails on every bed.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        await page.GetByText("Message sent").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Close report" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        Assert.Contains("cannot be closed without telling them", await page.Locator(".nhsuk-error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Outcome for the reporter").FillAsync("Bed rails are now part of the night safety check.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close report" }).ClickAsync();
        await page.GetByText("Report closed").WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Reopen" }).IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "triage-report-closed.png"), FullPage = true });
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await using var scope = site.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<FailingWellDbContext>().Reports.AsNoTracking().SingleAsync(r => r.Reference == reference);
        Assert.Equal(ReportStatus.Closed, saved.Status);
        Assert.NotNull(saved.AcknowledgedOn);
        Assert.NotNull(saved.FeedbackGivenOn);
    }
}
