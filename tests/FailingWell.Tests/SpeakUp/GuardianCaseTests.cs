using FailingWell.Web.Features.SpeakUp;

namespace FailingWell.Tests.SpeakUp;

/// <summary>The guardian's recording, closure and hand-over, and the questions the reporter is asked afterwards.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class GuardianCaseTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static async Task<SpeakUpCases.Raised> RaiseAsync(FailingWellApp app, SpeakUpOpenness openness = SpeakUpOpenness.Anonymous, string? name = null) =>
        await SpeakUpCases.RaiseAsync(app.CreateClient(), SpeakUpRoute.HowStaffAreTreated, openness, "Bullied by the night supervisor", name);

    private static async Task<int> StaffGroupAsync(FailingWellApp app)
    {
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).StaffGroups.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    private static async Task<FollowUps.Page> AnswerAsync(HttpClient client, FollowUps.Page from, string field, string value)
    {
        var fields = new Dictionary<string, string>
        {
            ["Session"] = from.Session!,
            [field] = value,
            ["__RequestVerificationToken"] = FollowUps.Field(from.Html, "__RequestVerificationToken")!,
        };
        using var content = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(new Uri("/report/follow-up?handler=Answer", UriKind.Relative), content);
        return new FollowUps.Page(response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_guardian_records_the_national_guardians_office_fields_with_several_elements()
    {
        using var app = new FailingWellApp();
        var raised = await RaiseAsync(app);
        var guardian = await Staff.CreateAsync(app, StaffRoles.Guardian, withTwoFactor: false);
        var group = await StaffGroupAsync(app);

        await SpeakUpCases.ChangeAsync(app, guardian.Id, raised.Reference!, new RecordCase.Command
        {
            Bullying = true, Behaviour = true, StaffGroupId = group, DetrimentIndicated = true, ActionsTaken = "Met the ward manager",
        });

        var saved = await SpeakUpCases.LoadAsync(app, raised.Reference!);
        Assert.True(saved.BullyingElement);
        Assert.True(saved.BehaviourElement);
        Assert.False(saved.PatientSafetyElement);
        Assert.False(saved.WorkerSafetyElement);
        Assert.Equal(group, saved.StaffGroupId);
        Assert.True(saved.DetrimentIndicated);
        Assert.Equal("Met the ward manager", saved.ActionsTaken);
        await using var scope = app.Scope();
        Assert.Contains(await FailingWellApp.NewDbContext(scope).AuditEntries.Where(a => a.ReportReference == raised.Reference).Select(a => a.Action).ToListAsync(),
            a => a == "Recorded a speak-up case");
    }

    [Fact]
    public async Task The_case_page_shows_each_refusal_beside_its_field_and_saves_nothing()
    {
        using var app = new FailingWellApp();
        var raised = await RaiseAsync(app);
        var saved = await SpeakUpCases.LoadAsync(app, raised.Reference!);
        var client = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Guardian));

        var record = await Forms.PostAsync(client, $"/speak-up/cases/{saved.Id}?handler=Record",
            new Dictionary<string, string> { ["Record.Version"] = saved.Version.ToString(), ["Record.StaffGroupId"] = "" }, tokenFrom: $"/speak-up/cases/{saved.Id}");
        var recordHtml = await record.Content.ReadAsStringAsync();
        var close = await Forms.PostAsync(client, $"/speak-up/cases/{saved.Id}?handler=Close",
            new Dictionary<string, string> { ["Close.Version"] = saved.Version.ToString(), ["Close.Feedback"] = "Sorted" }, tokenFrom: $"/speak-up/cases/{saved.Id}");
        var closeHtml = await close.Content.ReadAsStringAsync();
        var handOver = await Forms.PostAsync(client, $"/speak-up/cases/{saved.Id}?handler=HandOver",
            new Dictionary<string, string> { ["HandOver.Version"] = saved.Version.ToString(), ["HandOver.WhatHappened"] = "Part for governance" }, tokenFrom: $"/speak-up/cases/{saved.Id}");
        var handOverHtml = await handOver.Content.ReadAsStringAsync();

        Assert.Contains("id=\"Record_PatientSafety-error\"", recordHtml, StringComparison.Ordinal);
        Assert.Contains("Select at least one element", recordHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Record_StaffGroupId-error\"", recordHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Close_Feedback-error\"", closeHtml, StringComparison.Ordinal);
        Assert.Contains(CloseCase.NotRecorded, closeHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"HandOver_ReporterConsented-error\"", handOverHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"HandOver_ConsentNote-error\"", handOverHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"HandOver_CategoryId-error\"", handOverHtml, StringComparison.Ordinal);
        var after = await SpeakUpCases.LoadAsync(app, raised.Reference!);
        Assert.Equal(saved.Version, after.Version);
        Assert.Equal(SpeakUpStatus.New, after.Status);
    }

    [Fact]
    public async Task Deadlines_are_those_of_reports_and_acknowledging_meets_the_first()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Start) };
        var raised = await RaiseAsync(app);
        var guardian = await Staff.CreateAsync(app, StaffRoles.Guardian, withTwoFactor: false);

        var saved = await SpeakUpCases.LoadAsync(app, raised.Reference!);
        Assert.Equal(new DateOnly(2026, 3, 9), saved.AcknowledgeBy);
        Assert.Equal(new DateOnly(2026, 6, 2), saved.FeedbackBy);

        await SpeakUpCases.ChangeAsync(app, guardian.Id, raised.Reference!, new AcknowledgeCase.Command());
        var acknowledged = await SpeakUpCases.LoadAsync(app, raised.Reference!);
        Assert.Equal(SpeakUpStatus.Acknowledged, acknowledged.Status);
        Assert.Equal(new DateOnly(2026, 3, 2), acknowledged.AcknowledgedOn);
    }

    [Fact]
    public async Task The_case_list_shows_the_guardian_what_is_overdue_and_leaves_closed_cases_out_unless_asked()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Start) };
        var late = await SpeakUpCases.SaveAsync(app, new DateOnly(2026, 2, 20));
        var quiet = await SpeakUpCases.SaveAsync(app, new DateOnly(2025, 11, 20), c => { c.Status = SpeakUpStatus.Acknowledged; c.AcknowledgedOn = new DateOnly(2025, 11, 21); });
        var done = await SpeakUpCases.SaveAsync(app, new DateOnly(2025, 10, 1), c => { c.Status = SpeakUpStatus.Closed; c.ClosedOn = new DateOnly(2025, 12, 1); });
        var client = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Guardian));

        var open = await client.GetStringAsync(new Uri("/speak-up", UriKind.Relative));
        var all = await client.GetStringAsync(new Uri("/speak-up?IncludeClosed=true", UriKind.Relative));

        Assert.Contains(late.Reference, open, StringComparison.Ordinal);
        Assert.Contains("Acknowledgement overdue", open, StringComparison.Ordinal);
        Assert.Contains(quiet.Reference, open, StringComparison.Ordinal);
        Assert.Contains("Feedback overdue", open, StringComparison.Ordinal);
        Assert.DoesNotContain(done.Reference, open, StringComparison.Ordinal);
        Assert.Contains(done.Reference, all, StringComparison.Ordinal);
        Assert.DoesNotContain("A seeded concern", open, StringComparison.Ordinal); // the list holds no words of a case
    }

    [Fact]
    public async Task At_closure_the_reporter_is_asked_would_you_speak_up_again_once_and_three_months_on_about_detriment()
    {
        var clock = new MovableClock(Start);
        using var app = new FailingWellApp { Clock = clock };
        var raised = await RaiseAsync(app);
        var guardian = await Staff.CreateAsync(app, StaffRoles.Guardian, withTwoFactor: false);
        var client = app.CreateClient();

        var before = await FollowUps.OpenAsync(client, raised.ReceiptCode!);
        Assert.DoesNotContain("would you speak up again?", before.Html, StringComparison.Ordinal);

        await SpeakUpCases.ChangeAsync(app, guardian.Id, raised.Reference!, new RecordCase.Command { Bullying = true, StaffGroupId = await StaffGroupAsync(app) });
        await SpeakUpCases.ChangeAsync(app, guardian.Id, raised.Reference!, new CloseCase.Command { Feedback = "The supervisor has been spoken to." });

        var closed = await FollowUps.OpenAsync(client, raised.ReceiptCode!);
        Assert.Contains("The supervisor has been spoken to.", closed.Html, StringComparison.Ordinal);
        Assert.Contains("would you speak up again?", closed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("have you been treated worse", closed.Html, StringComparison.Ordinal);
        var answered = await AnswerAsync(client, closed, "Answers.WouldSpeakUpAgain", "NotSure");
        Assert.Contains("Thank you for your answer", answered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("would you speak up again?", answered.Html, StringComparison.Ordinal);
        Assert.Equal(SpeakUpAnswer.NotSure, (await SpeakUpCases.LoadAsync(app, raised.Reference!)).WouldSpeakUpAgain);

        // A detriment answer before three months is not taken.
        clock.Advance(TimeSpan.FromDays(88));
        var early = await FollowUps.OpenAsync(client, raised.ReceiptCode!);
        Assert.DoesNotContain("have you been treated worse", early.Html, StringComparison.Ordinal);
        await AnswerAsync(client, early, "Answers.Detriment", "Yes");
        Assert.Null((await SpeakUpCases.LoadAsync(app, raised.Reference!)).DetrimentAtCheckIn);

        clock.Advance(TimeSpan.FromDays(4)); // 2 June: three months after 2 March
        var due = await FollowUps.OpenAsync(client, raised.ReceiptCode!);
        Assert.Contains("have you been treated worse", due.Html, StringComparison.Ordinal);
        await AnswerAsync(client, due, "Answers.Detriment", "Yes");
        var saved = await SpeakUpCases.LoadAsync(app, raised.Reference!);
        Assert.Equal(SpeakUpAnswer.Yes, saved.DetrimentAtCheckIn);
        Assert.True(saved.DetrimentIndicated);
        Assert.DoesNotContain("have you been treated worse", (await FollowUps.OpenAsync(client, raised.ReceiptCode!)).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SpeakUpOpenness.Anonymous, null)]
    [InlineData(SpeakUpOpenness.Confidential, null)]
    [InlineData(SpeakUpOpenness.Open, "Pat Open")]
    public async Task With_consent_a_patient_safety_part_goes_to_governance_as_a_new_report_in_the_guardians_words(SpeakUpOpenness openness, string? expectedName)
    {
        using var app = new FailingWellApp();
        var raised = await RaiseAsync(app, openness, name: openness == SpeakUpOpenness.Anonymous ? null : "Pat Open");
        var guardian = await Staff.CreateAsync(app, StaffRoles.Guardian, withTwoFactor: false);
        int category;
        await using (var scope = app.Scope())
        {
            category = await FailingWellApp.NewDbContext(scope).Categories.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }

        await SpeakUpCases.ChangeAsync(app, guardian.Id, raised.Reference!, new HandOverToGovernance.Command
        {
            ReporterConsented = true, ConsentNote = "Agreed by message on the follow-up page", WhatHappened = "HandedOverWords: night staffing leaves patients unobserved", CategoryId = category,
        });

        var saved = await SpeakUpCases.LoadAsync(app, raised.Reference!);
        Assert.NotNull(saved.HandedOverOn);
        Assert.Equal("Agreed by message on the follow-up page", saved.HandOverConsentNote);
        Assert.True(saved.PatientSafetyElement);
        await using var check = app.Scope();
        var report = await FailingWellApp.NewDbContext(check).Reports.SingleAsync(r => r.WhatHappened.StartsWith("HandedOverWords"));
        Assert.Equal(ReportKind.Concern, report.Kind);
        Assert.Equal(expectedName is null, report.IsAnonymous);
        Assert.Equal(expectedName, report.ReporterName);
        Assert.DoesNotContain("night supervisor", report.WhatHappened, StringComparison.Ordinal);
        Assert.Null(report.StaffGroupId);
    }
}
