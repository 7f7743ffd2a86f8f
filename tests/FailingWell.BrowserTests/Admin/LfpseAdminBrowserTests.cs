using FailingWell.BrowserTests.Support;
using FailingWell.Web.Domain;
using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Admin;

/// <summary>/admin/lfpse and its submissions page in Chromium: an admin maps a division and reads the outbox; axe on both.</summary>
/// <remarks>
/// A site of its own: the shared collection fixture has two public constructors since a1b30d5, which xUnit refuses.
/// </remarks>
public sealed class LfpseAdminBrowserTests : IAsyncLifetime
{
    private readonly LiveSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public Task DisposeAsync() => site.DisposeAsync();

    [Fact]
    public async Task An_admin_maps_a_division_to_LFPSEs_codes_sees_the_submissions_with_their_states_and_both_pages_have_no_accessibility_violations()
    {
        var (division, reference) = await SeedAsync();
        var admin = await BrowserStaff.CreateAsync(site.Services, StaffRoles.Admin, "Lee Lfpse");
        var page = await site.NewPageAsync();
        await page.GotoAsync("/admin");
        await BrowserStaff.SignInAsync(page, admin);
        await page.GetByRole(AriaRole.Link, new() { Name = "LFPSE: connection and mappings" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "LFPSE: connection and mappings", Exact = true }).WaitForAsync();
        Assert.True(await page.GetByText($"Division {division}: service area.").IsVisibleAsync());

        await page.GetByLabel($"Service area of {division}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Mental health services (inpatient or community)" });
        await page.GetByLabel($"Specialty of {division}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Acute internal medicine" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save LFPSE settings" }).ClickAsync();
        await page.GetByText("LFPSE settings saved.").WaitForAsync();
        Assert.Equal(0, await page.GetByText($"Division {division}: service area.").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "admin-lfpse.png"), FullPage = true });

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Submissions to LFPSE" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Submissions to LFPSE", Exact = true }).WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "To check in LFPSE", Exact = true }).WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = reference }).First.IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = $"Checked in LFPSE: send again ({reference})" }).IsVisibleAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(site.ScreenshotFolder, "admin-lfpse-submissions.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = $"Checked in LFPSE: send again ({reference})" }).ClickAsync();
        await page.GetByText("The request is pending again").WaitForAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>A patient safety report whose LFPSE requests were sent, failed and timed out (this site is not connected, so they stay so).</summary>
    private async Task<(string Division, string Reference)> SeedAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
        var division = await db.Divisions.Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).ThenBy(d => d.Name).FirstAsync();
        division.LfpseServiceArea = null;
        division.LfpseSpecialty = null;
        await db.SaveChangesAsync();
        var ids = new List<int>();
        foreach (var what in new[] { "A patient fell from a chair in the day room.", "A patient was given the wrong dose.", "A patient's call bell did not work overnight." })
        {
            var submissionId = Guid.NewGuid();
            await mediator.Send(new SubmitReport.Command
            {
                Kind = ReportKind.Incident, WhatHappened = what, When = SubmitReport.WhenChoice.Yesterday, TimeOfDay = TimeBand.Night, Where = "",
                PersonAffected = PersonAffected.Patient, PhysicalHarm = PhysicalHarm.Low, PsychologicalHarm = PsychologicalHarm.None,
                CategoryId = await db.Categories.Select(c => c.Id).FirstAsync(), SubmissionId = submissionId,
            });
            ids.Add(await db.Reports.Where(r => r.SubmissionId == submissionId).Select(r => r.Id).SingleAsync());
        }

        var now = DateTime.UtcNow;
        var states = new[] { (LfpseState.Sent, 201, "", (string?)"LFPSE-000042"), (LfpseState.Failed, 422, "error: LevelOfConcern: the code 9 is not in worry-scale.", null), (LfpseState.NeedsCheck, 0, "No answer within 40 seconds: LFPSE may hold the event. Check before retrying.", null) };
        for (var i = 0; i < ids.Count; i++)
        {
            var (state, status, messages, lfpseReference) = states[i];
            db.LfpseEvents.Add(new LfpseEvent
            {
                ReportId = ids[i], Description = "As confirmed.", LevelOfConcern = "4", ConfirmedOn = DateOnly.FromDateTime(now), State = state,
                Messages = messages.Length == 0 ? null : messages, LfpseId = lfpseReference is null ? null : Guid.NewGuid().ToString(), LfpseReference = lfpseReference,
            });
            db.LfpseOutbox.Add(new LfpseOutboxItem
            {
                Id = Guid.NewGuid(), ReportId = ids[i], Operation = LfpseOperation.Create, Payload = "{}", Status = state, Attempts = 1, Sequence = now.Ticks + i,
                NextAttemptAtUtc = now, SentAtUtc = state == LfpseState.Sent ? now : null, LastHttpStatus = status == 0 ? null : status,
                Messages = messages.Length == 0 ? null : messages,
            });
        }

        await db.SaveChangesAsync();
        var reference = await db.Reports.Where(r => r.Id == ids[2]).Select(r => r.Reference).SingleAsync();
        return (division.Name, reference);
    }
}
