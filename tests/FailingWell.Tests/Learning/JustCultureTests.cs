using FailingWell.Web.Features.Digests;
using FailingWell.Web.Features.Learning;
using FailingWell.Web.Infrastructure.Mediation;
using static FailingWell.Tests.Learning.LearningSupport;

namespace FailingWell.Tests.Learning;

/// <summary>The just culture guide: its order, one person and one action, who may see a record, and the board's suppressed view.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class JustCultureTests : IClassFixture<FailingWellApp>
{
    private readonly FailingWellApp _app;

    private static readonly bool[] SystemFailure = [false, false, false];
    private static readonly bool[] ManagementAction = [false, false, true, false, false];

    public JustCultureTests(FailingWellApp app) => _app = app;

    private async Task<int> StaffGroupAsync(string name)
    {
        await using var scope = _app.Scope();
        return await FailingWellApp.NewDbContext(scope).StaffGroups.Where(g => g.Name == name).Select(g => g.Id).SingleAsync();
    }

    private async Task<T> AsAsync<T>(string actorId, IRequest<T> request)
    {
        if (request is IStaffRequest staff)
        {
            staff.ActorAccountId = actorId;
        }

        await using var scope = _app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private async Task<int> StartAsync(string actorId, string group = "Nursing and midwifery", string action = "Gave a second dose without checking the chart") =>
        await AsAsync(actorId, new JustCulture.Start { StaffGroupId = await StaffGroupAsync(group), Role = "Staff nurse", ActionConsidered = action });

    private Task<JustCultureOutcome?> AnswerAsync(string actorId, int id, JustCultureQuestion question, bool yes) =>
        AsAsync(actorId, new JustCulture.Answer { RecordId = id, Question = question, Yes = yes });

    [Theory]
    [InlineData(new[] { true }, JustCultureOutcome.DeliberateHarm)]
    [InlineData(new[] { false, true }, JustCultureOutcome.Health)]
    [InlineData(new[] { false, false, false }, JustCultureOutcome.SystemFailure)]
    [InlineData(new[] { false, false, true, true }, JustCultureOutcome.SystemFailure)]
    [InlineData(new[] { false, false, true, false, true }, JustCultureOutcome.Mitigated)]
    [InlineData(new[] { false, false, true, false, false }, JustCultureOutcome.ManagementAction)]
    public void The_guide_asks_its_tests_in_order_and_each_answer_moves_on_or_ends_at_its_outcome(bool[] answers, JustCultureOutcome outcome)
    {
        var record = new JustCultureRecord();
        JustCultureOutcome? reached = null;
        var asked = new List<JustCultureQuestion>();
        foreach (var yes in answers)
        {
            var next = record.Next()!.Value;
            asked.Add(next);
            reached = record.Answer(next, yes);
        }

        Assert.Equal(outcome, reached);
        Assert.Null(record.Next());
        Assert.Equal(Enum.GetValues<JustCultureQuestion>().Take(answers.Length), asked);
    }

    [Fact]
    public async Task Answers_out_of_order_or_after_the_outcome_are_refused_and_a_record_holds_one_person_and_one_action()
    {
        var lead = await Staff.CreateAsync(_app, StaffRoles.GovernanceLead, withTwoFactor: false);
        var id = await StartAsync(lead.Id);

        var skipped = await RefusalAsync(() => AnswerAsync(lead.Id, id, JustCultureQuestion.Foresight, false));
        await AnswerAsync(lead.Id, id, JustCultureQuestion.DeliberateHarm, true);
        var after = await RefusalAsync(() => AnswerAsync(lead.Id, id, JustCultureQuestion.Health, false));
        var empty = await RefusalAsync(() => AsAsync(lead.Id, new JustCulture.Start()));

        Assert.Contains("Yes: Answer the guide's questions in order", skipped, StringComparison.Ordinal);
        Assert.Contains("start a new record for another person or action", after, StringComparison.Ordinal);
        Assert.Contains("StaffGroupId: Select the person's staff group", empty, StringComparison.Ordinal);
        Assert.Contains("ActionConsidered: Describe the one action or omission", empty, StringComparison.Ordinal);
        var record = (await AsAsync(lead.Id, new JustCulture.ReadRecordQuery(id)))!;
        Assert.Equal(JustCultureOutcome.DeliberateHarm, record.Item.Outcome);
        Assert.Equal([(JustCultureQuestion.DeliberateHarm, true)], record.Answers);
    }

    [Fact]
    public async Task A_record_is_seen_by_its_lead_and_admins_another_lead_gets_not_found_and_executives_access_denied()
    {
        var owner = await Staff.CreateAsync(_app, StaffRoles.GovernanceLead);
        var other = await Staff.CreateAsync(_app, StaffRoles.GovernanceLead);
        var admin = await Staff.CreateAsync(_app, StaffRoles.Admin);
        var executive = await Staff.CreateAsync(_app, StaffRoles.Executive);
        var id = await StartAsync(owner.Id, action: "OwnerOnly: skipped the swab count");

        var ownerClient = await Staff.SignInAsync(_app, owner);
        var otherClient = await Staff.SignInAsync(_app, other);
        var adminClient = await Staff.SignInAsync(_app, admin);
        var executiveClient = await Staff.SignInAsync(_app, executive);
        var path = new Uri($"/learning/just-culture/{id}", UriKind.Relative);

        Assert.Contains("OwnerOnly", await ownerClient.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Contains("OwnerOnly", await adminClient.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(path)).StatusCode);
        Assert.DoesNotContain("OwnerOnly", await otherClient.GetStringAsync(new Uri("/learning/just-culture", UriKind.Relative)), StringComparison.Ordinal);
        var answered = await Forms.PostAsync(otherClient, $"/learning/just-culture/{id}", new Dictionary<string, string> { ["Answer.Question"] = "DeliberateHarm", ["Answer.Yes"] = "false" }, tokenFrom: "/learning/just-culture");
        Assert.Equal(HttpStatusCode.NotFound, answered.StatusCode);
        foreach (var page in new[] { path, new Uri("/learning/just-culture", UriKind.Relative) })
        {
            Assert.StartsWith("http://localhost/account/access-denied", (await executiveClient.GetAsync(page)).Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var reply = await Forms.PostAsync(ownerClient, $"/learning/just-culture/{id}", new Dictionary<string, string> { ["Answer.Question"] = "DeliberateHarm", ["Answer.Yes"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Contains(JustCultureQuestion.Health.Ask().Split(':')[0], await ownerClient.GetStringAsync(path), StringComparison.Ordinal);
        await using var scope = _app.Scope();
        var audit = await FailingWellApp.NewDbContext(scope).AuditEntries.Where(a => a.Action.StartsWith($"Just culture guide record {id}:")).Select(a => a.Action).ToListAsync();
        Assert.Equal([$"Just culture guide record {id}: started", $"Just culture guide record {id}: question answered"], audit);
    }

    [Fact]
    public async Task The_board_sees_use_by_staff_group_with_small_counts_hidden_and_nothing_reaches_a_digest_or_email()
    {
        var lead = await Staff.CreateAsync(_app, StaffRoles.GovernanceLead, withTwoFactor: false);
        // Six nurses and two porters end at "system failure"; one porter at "management action".
        foreach (var (group, answers) in Enumerable.Repeat(("Nursing and midwifery", SystemFailure), 6)
            .Concat(Enumerable.Repeat(("Porter", SystemFailure), 2))
            .Append(("Porter", ManagementAction)))
        {
            var id = await StartAsync(lead.Id, group, action: "DigestMustNotSee: the act");
            for (var i = 0; i < answers.Length; i++)
            {
                await AnswerAsync(lead.Id, id, (JustCultureQuestion)(i + 1), answers[i]);
            }
        }

        var usage = await QueryAsync(_app, new JustCulture.UsageQuery(new DateOnly(2000, 1, 1)));
        Assert.Equal(6, usage.Cells[("Nursing and midwifery", JustCultureOutcome.SystemFailure)]);
        Assert.Null(usage.Cells[("Porter", JustCultureOutcome.SystemFailure)]);
        Assert.Null(usage.Cells[("Porter", JustCultureOutcome.ManagementAction)]);

        var executive = await Staff.SignInAsync(_app, await Staff.CreateAsync(_app, StaffRoles.Executive));
        var oversight = await executive.GetStringAsync(new Uri("/learning/oversight", UriKind.Relative));
        Assert.Contains(">6<", oversight, StringComparison.Ordinal);
        Assert.Contains(SmallNumbers.Hidden, oversight, StringComparison.Ordinal);
        Assert.DoesNotContain("DigestMustNotSee", oversight, StringComparison.Ordinal);

        await using var scope = _app.Scope();
        var today = scope.ServiceProvider.GetRequiredService<UkTime>().Today;
        await scope.ServiceProvider.GetRequiredService<DigestBuilder>().BuildAsync(Enum.GetValues<GovernanceStream>(), Period.Month(today), CancellationToken.None);
        var db = FailingWellApp.NewDbContext(scope);
        Assert.All(await db.Digests.Select(d => d.Content).ToListAsync(), c =>
        {
            Assert.DoesNotContain("DigestMustNotSee", c, StringComparison.Ordinal);
            Assert.DoesNotContain("just culture", c, StringComparison.OrdinalIgnoreCase);
        });
        Assert.All(await db.OutboxEmails.Select(e => e.Subject + e.Body).ToListAsync(), e => Assert.DoesNotContain("DigestMustNotSee", e, StringComparison.Ordinal));
    }
}

/// <summary>The board's oversight page: open responses by age, overdue actions, repeat reports before and after an action.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class OversightTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    [Fact]
    public async Task Oversight_shows_open_responses_by_age_overdue_actions_and_reports_before_and_after_each_action()
    {
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false);
        var report = await new ReportBuilder { Category = "Medication" }.SubmitAsync(app);
        var id = await StartAsync(app, lead.Id, report.Id, LearningResponseType.SwarmHuddle, reason: "Quick huddle", title: "Insulin doses");
        DateOnly today;
        int medication;
        await using (var scope = app.Scope())
        {
            today = scope.ServiceProvider.GetRequiredService<UkTime>().Today;
            medication = await FailingWellApp.NewDbContext(scope).Categories.Where(c => c.Name == "Medication").Select(c => c.Id).SingleAsync();
        }

        var due = today.AddDays(7);
        await SendAsync(app, lead.Id, new AddSafetyAction.Command
        {
            Description = "OversightAction: insulin double checks", OwnerAccountId = lead.Id, DueDay = $"{due.Day}", DueMonth = $"{due.Month}", DueYear = $"{due.Year}",
            MeasureCategoryId = medication, ExpectedDirection = ExpectedDirection.Fall,
        }, id);
        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            await db.SafetyActions.ExecuteUpdateAsync(s => s.SetProperty(a => a.StartsOn, today.AddDays(-40)).SetProperty(a => a.DueOn, today.AddDays(-2)));
            await db.LearningResponses.ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedOn, today.AddDays(-45)));
        }

        await new ReportBuilder { Category = "Medication", ReceivedOn = today.AddDays(-60) }.SaveAsync(app, 9);
        await new ReportBuilder { Category = "Medication", ReceivedOn = today.AddDays(-10) }.SaveAsync(app, 5);

        var view = await QueryAsync(app, new Oversight.Query());

        Assert.Equal(1, view.Open[(LearningResponseType.SwarmHuddle, "30 to 59 days")]);
        Assert.Equal("OversightAction: insulin double checks", Assert.Single(view.Overdue).Description);
        var repeat = Assert.Single(view.Repeats);
        Assert.Equal(("Medication", 41, "9", true), (repeat.Theme, repeat.Days, repeat.Before, repeat.Fewer));
        // The report that started it arrived today, after the action's start: six after.
        Assert.Equal("6", repeat.After);
    }
}
