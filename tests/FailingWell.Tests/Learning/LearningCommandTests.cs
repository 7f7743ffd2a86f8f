using FailingWell.Web.Features.Digests;
using FailingWell.Web.Features.Learning;
using FailingWell.Web.Features.Reporting;
using static FailingWell.Tests.Learning.LearningSupport;

namespace FailingWell.Tests.Learning;

/// <summary>PSIRF's rules through the mediator: the plan's proposal, the response record, safety actions, sharing.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class LearningCommandTests : IClassFixture<FailingWellApp>
{
    private readonly FailingWellApp _app;
    private readonly Staff.Account _lead;
    private readonly Staff.Account _admin;

    public LearningCommandTests(FailingWellApp app)
    {
        _app = app;
        _lead = Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false, name: "Lara Lead").GetAwaiter().GetResult();
        _admin = Staff.CreateAsync(app, StaffRoles.Admin, withTwoFactor: false, name: "Ada Admin").GetAwaiter().GetResult();
    }

    private Task<StartResponse.View?> ProposalAsync(int reportId, NationalTrigger trigger = NationalTrigger.None) =>
        QueryAsync(_app, new StartResponse.Query(reportId, trigger));

    [Fact]
    public async Task The_plan_proposes_a_psii_for_a_never_event_whatever_the_harm()
    {
        var report = await new ReportBuilder { Category = "Medication", PhysicalHarm = PhysicalHarm.None }.SubmitAsync(_app);

        var proposal = (await ProposalAsync(report.Id, NationalTrigger.NeverEvent))!.Proposal;
        var id = await StartAsync(_app, _lead.Id, report.Id, LearningResponseType.Psii, trigger: NationalTrigger.NeverEvent, title: "Wrong route medicine");

        Assert.Equal(LearningResponseType.Psii, proposal!.Type);
        Assert.Contains("Never Event", proposal.Why, StringComparison.Ordinal);
        await using var scope = _app.Scope();
        var saved = await FailingWellApp.NewDbContext(scope).LearningResponses.Include(r => r.Reports).SingleAsync(r => r.Id == id);
        Assert.Equal(LearningResponseType.Psii, saved.ProposedType);
        Assert.Equal(NationalTrigger.NeverEvent, saved.NationalTrigger);
        Assert.Null(saved.OverrideReason);
        Assert.Equal([report.Id], saved.Reports.Select(r => r.ReportId));
        Assert.NotNull(saved.PlanVersionId);
    }

    [Fact]
    public async Task A_local_priority_proposes_an_aar_for_falls_of_moderate_harm_or_worse_only()
    {
        var moderate = await new ReportBuilder { Category = "Falls", PhysicalHarm = PhysicalHarm.Moderate }.SubmitAsync(_app);
        var low = await new ReportBuilder { Category = "Falls", PhysicalHarm = PhysicalHarm.Low }.SubmitAsync(_app);

        Assert.Equal(LearningResponseType.AfterActionReview, (await ProposalAsync(moderate.Id))!.Proposal!.Type);
        Assert.Null((await ProposalAsync(low.Id))!.Proposal);
    }

    [Fact]
    public async Task Choosing_another_response_than_the_plans_needs_a_reason_which_is_kept()
    {
        var report = await new ReportBuilder { Category = "Falls", PhysicalHarm = PhysicalHarm.Severe }.SubmitAsync(_app);

        var refusal = await RefusalAsync(() => StartAsync(_app, _lead.Id, report.Id, LearningResponseType.SwarmHuddle));
        var id = await StartAsync(_app, _lead.Id, report.Id, LearningResponseType.SwarmHuddle, reason: "The team met the same shift: a huddle is quicker");

        Assert.Contains("Reason: Say why you chose a different response from the plan's", refusal, StringComparison.Ordinal);
        var view = (await QueryAsync(_app, new ReadResponse.Query(id)))!;
        Assert.Equal(LearningResponseType.AfterActionReview, view.Response.ProposedType);
        Assert.Equal("The team met the same shift: a huddle is quicker", view.Response.OverrideReason);
    }

    [Fact]
    public async Task Editing_the_plan_makes_a_new_version_and_earlier_decisions_still_show_the_version_they_were_made_under()
    {
        var report = await new ReportBuilder { Category = "Pressure ulcers", PhysicalHarm = PhysicalHarm.Severe }.SubmitAsync(_app);
        var before = await QueryAsync(_app, new ReadPlan.Query());
        var id = await StartAsync(_app, _lead.Id, report.Id, LearningResponseType.ThematicReview, title: "Heel ulcers");

        var number = await SendPlanAsync([.. before.Plan.LocalPriorities.Select(p => p.Category == "Pressure ulcers"
            ? new SavePlan.Priority { Category = "Pressure ulcers", MinimumHarm = PhysicalHarm.Severe, Response = LearningResponseType.MdtReview }
            : new SavePlan.Priority { Category = p.Category, MinimumHarm = p.MinimumHarm, Theme = p.Theme, Response = p.Response })]);

        Assert.Equal(before.Shown.Number + 1, number);
        Assert.Equal(LearningResponseType.MdtReview, (await ProposalAsync(report.Id))!.Proposal!.Type);
        var old = (await QueryAsync(_app, new ReadResponse.Query(id)))!;
        Assert.Equal(before.Shown.Number, old.PlanNumber);
        Assert.Equal(LearningResponseType.ThematicReview, old.Response.ProposedType);
        Assert.Contains(old.PlanPriorities, p => p.StartsWith("Pressure ulcers", StringComparison.Ordinal) && p.EndsWith("Thematic review", StringComparison.Ordinal));
        var oldPlan = await QueryAsync(_app, new ReadPlan.Query(before.Shown.Number));
        Assert.False(oldPlan.IsCurrent);
        Assert.Equal(before.Plan.LocalPriorities, oldPlan.Plan.LocalPriorities);
        await using var scope = _app.Scope();
        Assert.True(await FailingWellApp.NewDbContext(scope).AuditEntries.AnyAsync(a => a.AccountId == _admin.Id && a.Action.StartsWith($"Response plan version {number} saved")));
    }

    [Fact]
    public async Task A_plan_priority_needs_a_response_and_a_note_saying_what_changed()
    {
        var refusal = await RefusalAsync(() => SendPlanAsync(note: " ", priorities: new SavePlan.Priority { Category = "Falls" }));

        Assert.Contains("ChangeNote: Say what changed in the plan and why", refusal, StringComparison.Ordinal);
        Assert.Contains("Priorities[0].Response: Select the planned response", refusal, StringComparison.Ordinal);
    }

    private async Task<int> SendPlanAsync(params SavePlan.Priority[] priorities) => await SendPlanAsync("Test change", priorities);

    private async Task<int> SendPlanAsync(string note, params SavePlan.Priority[] priorities)
    {
        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SavePlan.Command { ActorAccountId = _admin.Id, ChangeNote = note, Priorities = [.. priorities] });
    }

    [Fact]
    public async Task An_aar_cannot_be_completed_without_its_four_answers_and_findings_each_refused_at_its_field()
    {
        var report = await new ReportBuilder { Category = "Falls", PhysicalHarm = PhysicalHarm.Moderate }.SubmitAsync(_app);
        var id = await StartAsync(_app, _lead.Id, report.Id, LearningResponseType.AfterActionReview);

        var refusal = await RefusalAsync(() => SendAsync(_app, _lead.Id, new RecordResponse.Command { AarExpected = "Help to the toilet", Complete = true }, id));
        await SendAsync(_app, _lead.Id, new RecordResponse.Command { AarExpected = "Help to the toilet" }, id);

        Assert.Contains("Findings: Write the findings", refusal, StringComparison.Ordinal);
        Assert.Contains("AarActual: Answer what actually happened", refusal, StringComparison.Ordinal);
        Assert.Contains("AarWhyDifferent: Answer why there was a difference", refusal, StringComparison.Ordinal);
        Assert.Contains("AarLearned: Answer what can be learned", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("AarExpected", refusal, StringComparison.Ordinal);
        var view = (await QueryAsync(_app, new ReadResponse.Query(id)))!;
        Assert.Equal(LearningResponseStatus.InProgress, view.Response.Status);
        Assert.Equal("Help to the toilet", view.Response.AarExpected);

        await CompleteAarAsync(_app, _lead.Id, id);
        view = (await QueryAsync(_app, new ReadResponse.Query(id)))!;
        Assert.Equal(LearningResponseStatus.Completed, view.Response.Status);
        Assert.NotNull(view.Response.CompletedOn);
        Assert.Equal(["Matron", "Registered nurse"], view.ParticipantList.Order());
        Assert.Contains("completed: its record can no longer change", await RefusalAsync(() => CompleteAarAsync(_app, _lead.Id, id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_psii_needs_terms_of_reference_and_participants_are_roles_from_the_list_never_names()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);
        var id = await StartAsync(_app, _lead.Id, report.Id, LearningResponseType.Psii, trigger: NationalTrigger.DeathDueToProblemsInCare, title: "Unexpected death");

        var refusal = await RefusalAsync(() => SendAsync(_app, _lead.Id, new RecordResponse.Command { Participants = ["Dr Jane Smith"] }, id));

        Assert.Contains("TermsOfReference: A PSII needs terms of reference", refusal, StringComparison.Ordinal);
        Assert.Contains("Participants[0]: Choose who took part from the list of roles", refusal, StringComparison.Ordinal);
        await SendAsync(_app, _lead.Id, new RecordResponse.Command { TermsOfReference = "The care in the 24 hours before", Participants = ["Consultant"] }, id);
        Assert.Equal("Consultant", (await QueryAsync(_app, new ReadResponse.Query(id)))!.Response.Participants);
    }

    [Fact]
    public async Task A_thematic_review_is_made_over_three_reports_found_by_a_word_search()
    {
        var ids = new List<int>();
        foreach (var text in new[] { "Ligature point found in bathroom", "Another ligature risk on the ward", "Door hinge ligature concern" })
        {
            ids.Add((await new ReportBuilder { WhatHappened = text }.SubmitAsync(_app)).Id);
        }

        await new ReportBuilder { WhatHappened = "Nothing to do with it" }.SubmitAsync(_app);

        var found = await QueryAsync(_app, new StartThematic.Query("ligature", null));
        Assert.Equal(ids.Order(), found.Matches.Select(m => m.Id).Order());
        var refusal = await RefusalAsync(() => SendAsync(_app, _lead.Id, new StartThematic.Command { Title = "Ligatures", ReportIds = [ids[0]] }));
        var id = await SendAsync(_app, _lead.Id, new StartThematic.Command { Title = "Ligature risks", ReportIds = ids, Theme = "the words \"ligature\"" });

        Assert.Contains("ReportIds: A thematic review looks across several reports: choose at least two", refusal, StringComparison.Ordinal);
        var view = (await QueryAsync(_app, new ReadResponse.Query(id)))!;
        Assert.Equal(LearningResponseType.ThematicReview, view.Response.Type);
        Assert.Equal(ids.Order(), view.Reports.Select(r => r.Id).Order());
        Assert.Contains("ligature", view.Response.ProposalWhy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_can_be_added_to_a_response_by_its_reference_once()
    {
        var first = await new ReportBuilder().SubmitAsync(_app);
        var second = await new ReportBuilder().SubmitAsync(_app);
        var id = await StartAsync(_app, _lead.Id, first.Id, LearningResponseType.MdtReview, reason: "Several teams involved");

        await SendAsync(_app, _lead.Id, new LinkReport.Command { Reference = second.Reference.ToLowerInvariant() }, id);
        var again = await RefusalAsync(() => SendAsync(_app, _lead.Id, new LinkReport.Command { Reference = second.Reference }, id));
        var missing = await RefusalAsync(() => SendAsync(_app, _lead.Id, new LinkReport.Command { Reference = "FW-2026-ZZZZZZ" }, id));

        Assert.Equal([first.Id, second.Id], (await QueryAsync(_app, new ReadResponse.Query(id)))!.Reports.Select(r => r.Id));
        Assert.Contains("already in this response", again, StringComparison.Ordinal);
        Assert.Contains("Reference: No report has that reference", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_safety_action_needs_an_owner_a_real_date_and_a_measure()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);
        var id = await StartAsync(_app, _lead.Id, report.Id, LearningResponseType.MdtReview, reason: "Test");

        var refusal = await RefusalAsync(() => SendAsync(_app, _lead.Id, new AddSafetyAction.Command { Description = "Longer bell cords", DueDay = "31", DueMonth = "2", DueYear = "2030" }, id));

        Assert.Contains("OwnerAccountId: Select who owns the action", refusal, StringComparison.Ordinal);
        Assert.Contains("DueDay: Enter a real due date", refusal, StringComparison.Ordinal);
        Assert.Contains("MeasureCategoryId: Select the category", refusal, StringComparison.Ordinal);
        Assert.Contains("ExpectedDirection: Say whether the count should fall or rise", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_safety_actions_chart_counts_its_measure_by_month_and_recalculates_limits_from_the_action()
    {
        await using (var setup = _app.Scope())
        {
            // A division of its own, so other tests' reports do not count.
            var db = FailingWellApp.NewDbContext(setup);
            db.Divisions.Add(new Division { Name = "Chart division", SortOrder = 900, Locations = [new Location { Name = "Chart ward", SortOrder = 1 }] });
            await db.SaveChangesAsync();
        }

        int divisionId, locationId, fallsId;
        DateOnly today;
        await using (var scope = _app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            divisionId = await db.Divisions.Where(d => d.Name == "Chart division").Select(d => d.Id).SingleAsync();
            locationId = await db.Locations.Where(l => l.DivisionId == divisionId).Select(l => l.Id).SingleAsync();
            fallsId = await db.Categories.Where(c => c.Name == "Falls").Select(c => c.Id).SingleAsync();
            today = scope.ServiceProvider.GetRequiredService<UkTime>().Today;
        }

        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var where = ReportForm.LocationValue(locationId);
        foreach (var (monthsAgo, count) in new[] { (6, 8), (5, 8), (4, 8), (2, 2), (1, 2) })
        {
            await new ReportBuilder { Category = "Falls", Where = where, ReceivedOn = thisMonth.AddMonths(-monthsAgo).AddDays(3) }.SaveAsync(_app, count);
        }

        var report = await new ReportBuilder { Category = "Falls", Where = where }.SubmitAsync(_app);
        var id = await StartAsync(_app, _lead.Id, report.Id, LearningResponseType.AfterActionReview, reason: "Test", title: "Falls on the chart ward");
        var due = today.AddMonths(1);
        var actionId = await SendAsync(_app, _lead.Id, new AddSafetyAction.Command
        {
            Description = "Longer bell cords in bathrooms", OwnerAccountId = _lead.Id, DueDay = $"{due.Day}", DueMonth = $"{due.Month}", DueYear = $"{due.Year}",
            MeasureCategoryId = fallsId, MeasureDivisionId = divisionId, MeasureLocationId = locationId, ExpectedDirection = ExpectedDirection.Fall,
        }, id);
        await using (var scope = _app.Scope())
        {
            // As if the action had started three months ago.
            await FailingWellApp.NewDbContext(scope).SafetyActions.Where(a => a.Id == actionId).ExecuteUpdateAsync(s => s.SetProperty(a => a.StartsOn, thisMonth.AddMonths(-3).AddDays(9)));
        }

        var exact = (await QueryAsync(_app, new SafetyActionView.Query(actionId, Exact: true)))!;
        var suppressed = (await QueryAsync(_app, new SafetyActionView.Query(actionId, Exact: false)))!;

        var points = exact.Series.Points;
        Assert.Equal(thisMonth.AddMonths(-1), points[^1].Start);
        Assert.Equal(thisMonth.AddMonths(-3 - SafetyActionView.MonthsBefore), points[0].Start);
        double? At(IReadOnlyList<Web.Features.Culture.CultureView.Point> p, int monthsAgo) => p.Single(x => x.Start == thisMonth.AddMonths(-monthsAgo)).Value;
        Assert.Equal(8, At(points, 6));
        Assert.Equal(2, At(points, 1));
        Assert.Equal(0, At(points, 3));
        Assert.Null(At(suppressed.Series.Points, 1));
        Assert.Equal(8, At(suppressed.Series.Points, 5));
        var start = points.Single(p => p.Spc.RecalculationStarts);
        Assert.Equal(thisMonth.AddMonths(-3), start.Start);
        Assert.Equal(2, exact.MeanAfter);
        Assert.Contains("Reports of falls at Chart ward, monthly, expected to fall", exact.Measure, StringComparison.Ordinal);
        Assert.Equal(Web.Features.Culture.ImprovementDirection.Decrease, exact.Series.Measure.Direction);
    }

    [Fact]
    public async Task Overdue_safety_actions_those_due_next_and_completed_responses_reach_the_patient_safety_digest_as_titles_and_counts_only()
    {
        var report = await new ReportBuilder { Category = "Falls", PhysicalHarm = PhysicalHarm.Moderate }.SubmitAsync(_app);
        var id = await StartAsync(_app, _lead.Id, report.Id, LearningResponseType.AfterActionReview, title: "DigestTitle: bathroom falls");
        await CompleteAarAsync(_app, _lead.Id, id, findings: "FindingsSecret: the bell cords");
        DateOnly today;
        await using (var scope = _app.Scope())
        {
            today = scope.ServiceProvider.GetRequiredService<UkTime>().Today;
        }

        // Built for this month: one action overdue as it ends, one due in the month after.
        var period = Period.Month(today);
        var due = period.End.AddDays(1);
        var fallsId = await CategoryIdAsync("Falls");
        foreach (var description in new[] { "OverdueAction: bell cords", "DueAction: night lights" })
        {
            await SendAsync(_app, _lead.Id, new AddSafetyAction.Command
            {
                Description = description, OwnerAccountId = _lead.Id, DueDay = $"{due.Day}", DueMonth = $"{due.Month}", DueYear = $"{due.Year}",
                MeasureCategoryId = fallsId, ExpectedDirection = ExpectedDirection.Fall,
            }, id);
        }

        await using (var scope = _app.Scope())
        {
            await FailingWellApp.NewDbContext(scope).SafetyActions.Where(a => a.Description.StartsWith("OverdueAction")).ExecuteUpdateAsync(s => s.SetProperty(a => a.DueOn, today.AddDays(-1)));
        }

        await using (var scope = _app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<DigestBuilder>().BuildAsync(GovernanceStream.PatientSafety, period, CancellationToken.None);
        }

        await using var read = _app.Scope();
        var digests = await FailingWellApp.NewDbContext(read).Digests.Where(d => d.PeriodKey == period.Key && d.Stream == GovernanceStream.PatientSafety).ToListAsync();
        var organisation = DigestContent.FromJson(digests.Single(d => d.ScopeKey == Digest.OrganisationScope).Content).LearningResponses!;
        Assert.Contains("OverdueAction: bell cords", organisation.OverdueTitles);
        Assert.Contains("DueAction: night lights", organisation.DueTitles);
        Assert.DoesNotContain("OverdueAction: bell cords", organisation.DueTitles);
        Assert.Contains("DigestTitle: bathroom falls", organisation.CompletedTitles);
        // The list of responses counts by the same rule.
        var listed = Assert.Single(await QueryAsync(_app, new ListResponses.Query()), r => r.Id == id);
        Assert.Equal((2, 1), (listed.OpenActions, listed.OverdueActions));

        Assert.All(digests, d => Assert.DoesNotContain("FindingsSecret", d.Content, StringComparison.Ordinal));
        Assert.All(digests.Where(d => d.ScopeKey != Digest.OrganisationScope), d => Assert.Null(DigestContent.FromJson(d.Content).LearningResponses));
    }

    private async Task<int> CategoryIdAsync(string name)
    {
        await using var scope = _app.Scope();
        return await FailingWellApp.NewDbContext(scope).Categories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task The_reporters_follow_up_shows_the_summary_only_once_it_is_shared_after_completion()
    {
        var report = await new ReportBuilder { Category = "Falls", PhysicalHarm = PhysicalHarm.Moderate }.SubmitAsync(_app);
        var id = await StartAsync(_app, _lead.Id, report.Id, LearningResponseType.AfterActionReview);

        var early = await RefusalAsync(() => SendAsync(_app, _lead.Id, new ShareSummary.Command { Summary = "We changed the bell cords" }, id));
        await CompleteAarAsync(_app, _lead.Id, id);
        var unshared = await QueryAsync(_app, new ReadFollowUp.Query(report.Id));
        await SendAsync(_app, _lead.Id, new ShareSummary.Command { Summary = "We changed the bell cords" }, id);
        var shared = await QueryAsync(_app, new ReadFollowUp.Query(report.Id));

        Assert.Contains("Summary: Complete the response before sharing its summary", early, StringComparison.Ordinal);
        Assert.Empty(unshared.SharedLearning!);
        Assert.Equal(["We changed the bell cords"], shared.SharedLearning);
    }

    [Fact]
    public async Task Every_change_to_a_response_is_audited_once_without_its_text()
    {
        var report = await new ReportBuilder { Category = "Falls", PhysicalHarm = PhysicalHarm.Moderate }.SubmitAsync(_app);
        var id = await StartAsync(_app, _lead.Id, report.Id, LearningResponseType.AfterActionReview);
        await SendAsync(_app, _lead.Id, new RecordResponse.Command { Findings = "AuditSecret" }, id);
        await CompleteAarAsync(_app, _lead.Id, id);
        await SendAsync(_app, _lead.Id, new AddEngagement.Command { Person = EngagedPerson.Family, Role = "Daughter", OfferedOn = new DateOnly(2026, 1, 5) }, id);
        await SendAsync(_app, _lead.Id, new ShareSummary.Command { Summary = "AuditSecret summary" }, id);

        await using var scope = _app.Scope();
        var entries = await FailingWellApp.NewDbContext(scope).AuditEntries.Where(a => a.Action.StartsWith($"Learning response {id}:")).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(
            [$"Learning response {id}: After action review started", $"Learning response {id}: record saved", $"Learning response {id}: completed",
             $"Learning response {id}: engagement with family or carer recorded", $"Learning response {id}: summary shared with the reporter(s)"],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(_lead.Id, e.AccountId));
        Assert.All(entries, e => Assert.DoesNotContain("AuditSecret", e.Action, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Engagement_is_recorded_by_who_and_role_with_its_dates_in_order()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);
        var id = await StartAsync(_app, _lead.Id, report.Id, LearningResponseType.MdtReview, reason: "Test");

        var refusal = await RefusalAsync(() => SendAsync(_app, _lead.Id, new AddEngagement.Command { OfferedOn = new DateOnly(2026, 3, 1), MetOn = new DateOnly(2026, 2, 1) }, id));
        await SendAsync(_app, _lead.Id, new AddEngagement.Command
        {
            Person = EngagedPerson.Patient, OfferedOn = new DateOnly(2026, 3, 1), AcceptedOn = new DateOnly(2026, 3, 2), MetOn = new DateOnly(2026, 3, 9), FindingsSharedOn = new DateOnly(2026, 4, 1),
        }, id);

        Assert.Contains("Person: Select who was engaged", refusal, StringComparison.Ordinal);
        Assert.Contains("MetOn: The meeting cannot be before the offer", refusal, StringComparison.Ordinal);
        var engagement = Assert.Single((await QueryAsync(_app, new ReadResponse.Query(id)))!.Engagements);
        Assert.Equal((EngagedPerson.Patient, new DateOnly(2026, 3, 9), new DateOnly(2026, 4, 1)), (engagement.Person, engagement.MetOn!.Value, engagement.FindingsSharedOn!.Value));
    }
}
