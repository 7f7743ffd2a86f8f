using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Features.Triage;
using FailingWell.Web.Infrastructure.Mediation;

namespace FailingWell.Tests.Triage;

/// <summary>Each lead's command through the mediator, with its rules.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class TriageCommandTests : IClassFixture<TriageCommandTests.App>
{
    public sealed class App : FailingWellApp
    {
        public App() => With("Triage:EscalationList:0", "patient.safety@trust.nhs.uk").With("Triage:EscalationList:1", "medical.director@trust.nhs.uk");
    }

    private readonly App _app;
    private readonly Staff.Account _lead;
    private readonly Staff.Account _otherLead;
    private readonly Staff.Account _executive;

    public TriageCommandTests(App app)
    {
        _app = app;
        _lead = Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false, name: "Lee Lead").GetAwaiter().GetResult();
        _otherLead = Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false, name: "Olu Other").GetAwaiter().GetResult();
        _executive = Staff.CreateAsync(app, StaffRoles.Executive, withTwoFactor: false).GetAwaiter().GetResult();
    }

    private Task<T> ChangeAsync<T>(int reportId, ReportChange<T> change, Guid? version = null) =>
        SavedReports.ChangeAsync(_app, _lead.Id, reportId, change, version);

    private static async Task<string> RefusalAsync(Func<Task> act)
    {
        var refused = await Assert.ThrowsAsync<RequestValidationException>(act);
        return string.Join(" | ", refused.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
    }

    [Fact]
    public async Task Acknowledging_shows_at_follow_up_and_cannot_be_done_twice()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);

        await ChangeAsync(report.Id, new Acknowledge.Command());

        var saved = await SavedReports.LoadAsync(_app, report.Id);
        Assert.Equal(ReportStatus.Acknowledged, saved.Status);
        Assert.NotNull(saved.AcknowledgedOn);
        await using (var scope = _app.Scope())
        {
            var view = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReadFollowUp.Query(report.Id));
            Assert.Equal(ReportStatus.Acknowledged, view.Status);
            Assert.Equal(saved.AcknowledgedOn, view.AcknowledgedOn);
        }

        Assert.Contains("already been acknowledged", await RefusalAsync(() => ChangeAsync(report.Id, new Acknowledge.Command())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 3, 3, RiskRating.Low)]
    [InlineData(2, 3, 6, RiskRating.Moderate)]
    [InlineData(2, 4, 8, RiskRating.High)]
    [InlineData(3, 4, 12, RiskRating.High)]
    [InlineData(3, 5, 15, RiskRating.Extreme)]
    [InlineData(5, 5, 25, RiskRating.Extreme)]
    public async Task Grading_scores_the_5x5_matrix(int consequence, int likelihood, int score, RiskRating rating)
    {
        var report = await new ReportBuilder().SubmitAsync(_app);

        await ChangeAsync(report.Id, new Grade.Command { PhysicalHarm = PhysicalHarm.Moderate, PsychologicalHarm = PsychologicalHarm.Low, Consequence = consequence, Likelihood = likelihood, Title = "Double dose" });

        var saved = await SavedReports.LoadAsync(_app, report.Id);
        Assert.Equal(score, saved.RiskScore);
        Assert.Equal(rating, saved.RiskRating);
        Assert.Equal(PhysicalHarm.Moderate, saved.PhysicalHarm);
        Assert.Equal("Double dose", saved.Title);
    }

    [Fact]
    public async Task Grading_refuses_values_off_the_matrix_at_the_field()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);

        var refusal = await RefusalAsync(() => ChangeAsync(report.Id, new Grade.Command { PhysicalHarm = PhysicalHarm.Low, PsychologicalHarm = PsychologicalHarm.None, Consequence = 6, Likelihood = 0 }));

        Assert.Contains("Consequence: Select a consequence from 1 to 5", refusal, StringComparison.Ordinal);
        Assert.Contains("Likelihood: Select a likelihood from 1 to 5", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extreme_risk_grade_tells_the_escalation_list_at_once_with_a_link_and_no_text()
    {
        var report = await new ReportBuilder { WhatHappened = "EscalationSecret: wrong blood given" }.SubmitAsync(_app);

        await ChangeAsync(report.Id, new Grade.Command { PhysicalHarm = PhysicalHarm.Moderate, PsychologicalHarm = PsychologicalHarm.None, Consequence = 5, Likelihood = 3 });

        await using var scope = _app.Scope();
        var emails = await FailingWellApp.NewDbContext(scope).OutboxEmails.Where(e => e.Subject.Contains(report.Reference)).ToListAsync();
        Assert.Equal(["medical.director@trust.nhs.uk", "patient.safety@trust.nhs.uk"], emails.Select(e => e.To).Order());
        Assert.All(emails, e =>
        {
            Assert.Contains($"/triage/reports/{report.Id}", e.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("EscalationSecret", e.Body + e.Subject, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_report_of_severe_harm_escalates_on_arrival_without_naming_it()
    {
        var before = await CountEmailsAsync("A new report needs attention now");

        var report = await new ReportBuilder { PhysicalHarm = PhysicalHarm.Severe, WhatHappened = "ArrivalSecret: fall with fracture" }.SubmitAsync(_app);

        await using var scope = _app.Scope();
        var emails = await FailingWellApp.NewDbContext(scope).OutboxEmails.Where(e => e.Subject == "A new report needs attention now").ToListAsync();
        Assert.Equal(before + 2, emails.Count);
        Assert.All(emails, e =>
        {
            Assert.DoesNotContain(report.Reference, e.Subject + e.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("ArrivalSecret", e.Body, StringComparison.Ordinal);
            Assert.Contains("/triage?Filter.Escalated=true", e.Body, StringComparison.Ordinal);
        });
    }

    private async Task<int> CountEmailsAsync(string subject)
    {
        await using var scope = _app.Scope();
        return await FailingWellApp.NewDbContext(scope).OutboxEmails.CountAsync(e => e.Subject == subject);
    }

    [Fact]
    public async Task Routing_sets_stream_division_and_owner_and_refuses_an_owner_who_is_not_a_lead()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);
        int divisionId;
        await using (var scope = _app.Scope())
        {
            divisionId = await FailingWellApp.NewDbContext(scope).Divisions.OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync();
        }

        var refusal = await RefusalAsync(() => ChangeAsync(report.Id, new Route.Command { Stream = GovernanceStream.RiskAndCompliance, DivisionId = divisionId, OwnerAccountId = _executive.Id }));
        Assert.Contains("OwnerAccountId: Select a governance lead from the list", refusal, StringComparison.Ordinal);
        Assert.Contains("DivisionId: Select a division", await RefusalAsync(() => ChangeAsync(report.Id, new Route.Command { Stream = GovernanceStream.RiskAndCompliance, DivisionId = 99999 })), StringComparison.Ordinal);

        await ChangeAsync(report.Id, new Route.Command { Stream = GovernanceStream.RiskAndCompliance, DivisionId = divisionId, OwnerAccountId = _otherLead.Id });

        var saved = await SavedReports.LoadAsync(_app, report.Id);
        Assert.Equal(GovernanceStream.RiskAndCompliance, saved.Stream);
        Assert.Equal(divisionId, saved.DivisionId);
        Assert.Equal(_otherLead.Id, saved.OwnerAccountId);
    }

    [Fact]
    public async Task A_duplicate_closes_with_a_link_to_the_original_for_the_reporter()
    {
        var original = await new ReportBuilder().SubmitAsync(_app);
        var repeat = await new ReportBuilder().SubmitAsync(_app);

        Assert.Contains("There is no report with that reference", await RefusalAsync(() => ChangeAsync(repeat.Id, new MarkDuplicate.Command { OriginalReference = "FW-1999-000001" })), StringComparison.Ordinal);
        Assert.Contains("cannot repeat itself", await RefusalAsync(() => ChangeAsync(repeat.Id, new MarkDuplicate.Command { OriginalReference = repeat.Reference })), StringComparison.Ordinal);

        await ChangeAsync(repeat.Id, new MarkDuplicate.Command { OriginalReference = original.Reference.ToLowerInvariant() });

        var saved = await SavedReports.LoadAsync(_app, repeat.Id);
        Assert.Equal(ReportStatus.Closed, saved.Status);
        Assert.Equal(original.Id, saved.DuplicateOfReportId);
        Assert.Contains(original.Reference, saved.OutcomeForReporter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_need_a_lead_owner_and_a_due_date_not_in_the_past_and_can_be_completed()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);
        var yesterday = DateTime.UtcNow.AddDays(-2);

        var refusal = await RefusalAsync(() => ChangeAsync(report.Id, new AddAction.Command
        {
            Description = "Check the pump", OwnerAccountId = _executive.Id,
            DueDay = yesterday.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), DueMonth = yesterday.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), DueYear = yesterday.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Contains("OwnerAccountId: Select who will do it from the list", refusal, StringComparison.Ordinal);
        Assert.Contains("DueDay: The due date must be today or in the future", refusal, StringComparison.Ordinal);

        var due = DateTime.UtcNow.AddDays(10);
        await ChangeAsync(report.Id, new AddAction.Command
        {
            Description = "Check the pump", OwnerAccountId = _otherLead.Id,
            DueDay = due.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), DueMonth = due.Month.ToString(System.Globalization.CultureInfo.InvariantCulture), DueYear = due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var withAction = await SavedReports.LoadAsync(_app, report.Id);
        var action = Assert.Single(withAction.Actions);
        Assert.Equal("Olu Other", action.OwnerName);
        Assert.Equal(ReportStatus.UnderReview, withAction.Status);

        await ChangeAsync(report.Id, new CompleteAction.Command { ActionId = action.Id });
        Assert.NotNull(Assert.Single((await SavedReports.LoadAsync(_app, report.Id)).Actions).CompletedOn);
        Assert.Contains("already done", await RefusalAsync(() => ChangeAsync(report.Id, new CompleteAction.Command { ActionId = action.Id })), StringComparison.Ordinal);

        var other = await new ReportBuilder().SubmitAsync(_app);
        Assert.Contains("does not belong to this report", await RefusalAsync(() => ChangeAsync(other.Id, new CompleteAction.Command { ActionId = action.Id })), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_and_learning_reach_the_reporter_and_empty_ones_are_refused()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);

        Assert.Contains("Body: Write your message", await RefusalAsync(() => ChangeAsync(report.Id, new MessageReporter.Command { Body = " " })), StringComparison.Ordinal);
        Assert.Contains("Learning: Write what was learned", await RefusalAsync(() => ChangeAsync(report.Id, new RecordLearning.Command { Learning = "" })), StringComparison.Ordinal);

        await ChangeAsync(report.Id, new MessageReporter.Command { Body = "Thanks, we are on it." });
        await ChangeAsync(report.Id, new RecordLearning.Command { Learning = "Second checks now happen at every round." });

        await using var scope = _app.Scope();
        var view = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReadFollowUp.Query(report.Id));
        Assert.Equal("Thanks, we are on it.", Assert.Single(view.Messages).Body);
        Assert.Equal("Lee Lead", view.Messages[0].ReviewerName);
        Assert.Equal("Second checks now happen at every round.", view.Learning);
        Assert.NotNull((await SavedReports.LoadAsync(_app, report.Id)).FeedbackGivenOn);
    }

    [Fact]
    public async Task Closing_needs_an_outcome_a_closed_report_refuses_changes_and_reopening_allows_them_again()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);

        var noOutcome = await RefusalAsync(() => ChangeAsync(report.Id, new Close.Command { Outcome = "" }));
        Assert.Contains("Outcome: Write the outcome for the reporter: a report cannot be closed without telling them what happened", noOutcome, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.New, (await SavedReports.LoadAsync(_app, report.Id)).Status);

        await ChangeAsync(report.Id, new Close.Command { Outcome = "The pump was replaced." });
        var closed = await SavedReports.LoadAsync(_app, report.Id);
        Assert.Equal(ReportStatus.Closed, closed.Status);
        Assert.NotNull(closed.AcknowledgedOn);

        Assert.Contains(ReportChanges.Closed, await RefusalAsync(() => ChangeAsync(report.Id, new Grade.Command { PhysicalHarm = PhysicalHarm.Low, PsychologicalHarm = PsychologicalHarm.None, Consequence = 1, Likelihood = 1 })), StringComparison.Ordinal);
        Assert.Contains(ReportChanges.Closed, await RefusalAsync(() => ChangeAsync(report.Id, new Acknowledge.Command())), StringComparison.Ordinal);

        await ChangeAsync(report.Id, new Reopen.Command());
        Assert.Equal(ReportStatus.UnderReview, (await SavedReports.LoadAsync(_app, report.Id)).Status);
        Assert.Contains("Only a closed report can be reopened", await RefusalAsync(() => ChangeAsync(report.Id, new Reopen.Command())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_of_two_leads_saving_the_same_version_is_refused_and_the_first_change_survives()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);
        var seenByBoth = (await SavedReports.LoadAsync(_app, report.Id)).Version;

        await SavedReports.ChangeAsync(_app, _lead.Id, report.Id, new Close.Command { Outcome = "First lead's outcome" }, seenByBoth);
        var refusal = await RefusalAsync(() => SavedReports.ChangeAsync(_app, _otherLead.Id, report.Id, new Route.Command { Stream = GovernanceStream.PatientExperience }, seenByBoth));

        Assert.Contains(ConcurrencyConflict.Message, refusal, StringComparison.Ordinal);
        var saved = await SavedReports.LoadAsync(_app, report.Id);
        Assert.Equal("First lead's outcome", saved.OutcomeForReporter);
        Assert.NotEqual(GovernanceStream.PatientExperience, saved.Stream);
    }

    [Fact]
    public async Task Every_view_and_change_is_audited_by_who_and_what_without_content()
    {
        var report = await new ReportBuilder { WhatHappened = "AuditSecret text" }.SubmitAsync(_app);
        await using (var scope = _app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReportView.Query(report.Id) { ActorAccountId = _lead.Id });
        }

        await ChangeAsync(report.Id, new Acknowledge.Command());
        await ChangeAsync(report.Id, new MessageReporter.Command { Body = "AuditSecret reply" });

        await using var check = _app.Scope();
        var entries = await FailingWellApp.NewDbContext(check).AuditEntries.Where(a => a.ReportId == report.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Viewed", "Acknowledged", "Messaged the reporter"], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal(_lead.Id, e.AccountId);
            Assert.Equal("Lee Lead", e.AccountName);
            Assert.Equal(report.Reference, e.ReportReference);
            Assert.DoesNotContain("AuditSecret", e.Action, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_refused_change_leaves_no_audit_entry()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);

        await RefusalAsync(() => ChangeAsync(report.Id, new Close.Command { Outcome = "" }));

        await using var check = _app.Scope();
        Assert.False(await FailingWellApp.NewDbContext(check).AuditEntries.AnyAsync(a => a.ReportId == report.Id));
    }
}
