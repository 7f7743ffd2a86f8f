using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Features.SpeakUp;

namespace FailingWell.Tests.SpeakUp;

/// <summary>The report form sends a concern to the guardian as a speak-up case when the reporter says so, and only then.</summary>
public sealed class SpeakUpRoutingTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    private static readonly int[] BandEndsInUtc = [6, 7, 11, 12, 16, 17, 21, 22];

    [Theory]
    [InlineData(SpeakUpRoute.HowStaffAreTreated)]
    [InlineData(SpeakUpRoute.SafetyAtWork)]
    [InlineData(SpeakUpRoute.ChoseTheGuardian)]
    public async Task Each_guardian_choice_makes_a_speak_up_case_and_no_report(SpeakUpRoute route)
    {
        var concern = $"My manager shouts at the porters {Guid.NewGuid():N}";

        var raised = await SpeakUpCases.RaiseAsync(app.CreateClient(), route, SpeakUpOpenness.Anonymous, concern);

        Assert.Equal(HttpStatusCode.OK, raised.Response.StatusCode);
        Assert.Contains("Concern sent to the guardian", raised.Html, StringComparison.Ordinal);
        Assert.NotNull(raised.Reference);
        Assert.NotNull(raised.ReceiptCode);
        var saved = await SpeakUpCases.LoadAsync(app, raised.Reference!);
        Assert.Equal(route, saved.Route);
        Assert.Equal(concern, saved.WhatIsTheConcern);
        Assert.Equal(SpeakUpOpenness.Anonymous, saved.Openness);
        Assert.Null(saved.ReporterName);
        await using var scope = app.Scope();
        Assert.False(await FailingWellApp.NewDbContext(scope).Reports.AnyAsync(r => r.WhatHappened == concern));
    }

    [Fact]
    public async Task Without_the_guardian_chosen_it_is_a_report_as_before()
    {
        var sent = await new ReportBuilder { WhatHappened = "GovernanceRoute hoist battery flat" }.PostFormAsync(app, app.CreateClient());

        Assert.StartsWith("FW-", sent.Reference, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.False(await FailingWellApp.NewDbContext(scope).SpeakUpCases.AnyAsync(c => c.WhatIsTheConcern.Contains("GovernanceRoute")));
    }

    [Fact]
    public async Task A_speak_up_case_does_not_need_the_incident_questions_but_needs_the_openness_beside_its_field()
    {
        var raised = await SpeakUpCases.RaiseAsync(app.CreateClient(), SpeakUpRoute.HowStaffAreTreated, openness: null, "No openness given");

        Assert.Null(raised.ReceiptCode);
        Assert.Contains("id=\"Input_Openness-error\"", raised.Html, StringComparison.Ordinal);
        Assert.Contains("Select whether the guardian may know your name", raised.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Input_Kind-error\"", raised.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Input_When-error\"", raised.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confidential_keeps_the_name_for_the_guardian_and_anonymous_drops_a_typed_name()
    {
        var confidential = await SpeakUpCases.RaiseAsync(app.CreateClient(), SpeakUpRoute.ChoseTheGuardian, SpeakUpOpenness.Confidential, "Rota unfair", name: "Sam Porter");
        var anonymous = await SpeakUpCases.RaiseAsync(app.CreateClient(), SpeakUpRoute.ChoseTheGuardian, SpeakUpOpenness.Anonymous, "Rota unfair again", name: "Sam Porter");
        var nameless = await SpeakUpCases.RaiseAsync(app.CreateClient(), SpeakUpRoute.ChoseTheGuardian, SpeakUpOpenness.Open, "Open without a name");

        Assert.Equal("Sam Porter", (await SpeakUpCases.LoadAsync(app, confidential.Reference!)).ReporterName);
        Assert.Null((await SpeakUpCases.LoadAsync(app, anonymous.Reference!)).ReporterName);
        Assert.Contains("id=\"Input_ReporterName-error\"", nameless.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guardians_are_told_a_case_needs_attention_with_a_link_and_no_words_of_it()
    {
        var guardian = await Staff.CreateAsync(app, StaffRoles.Guardian);
        var raised = await SpeakUpCases.RaiseAsync(app.CreateClient(), SpeakUpRoute.HowStaffAreTreated, SpeakUpOpenness.Anonymous, "SecretConcernText about a ward sister");

        await using var scope = app.Scope();
        var email = await FailingWellApp.NewDbContext(scope).OutboxEmails.Where(e => e.To == guardian.Email).SingleAsync();
        Assert.Equal("A speak-up case needs attention", email.Subject);
        Assert.Contains("/speak-up", email.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretConcernText", email.Body + email.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(raised.Reference!, email.Body + email.Subject, StringComparison.Ordinal);
        // Held to the end of the case's time band: the outbox row does not date the case within it.
        Assert.Equal(0, email.CreatedAtUtc.Minute);
        Assert.Contains(email.CreatedAtUtc.Hour, BandEndsInUtc); // 7, 12, 17, 22 UK time, in either season
        Assert.Equal(0, email.CreatedAtUtc.Second);
        Assert.Equal(email.CreatedAtUtc, email.NextAttemptAtUtc);
    }

    [Fact]
    public async Task A_case_raised_at_06_16_44_tells_guardians_at_07_00_when_its_night_band_ends_and_not_before()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 11, 3, 6, 16, 44, TimeSpan.Zero));
        using var own = new FailingWellApp { Clock = clock };
        var guardian = await Staff.CreateAsync(own, StaffRoles.Guardian);

        await SpeakUpCases.RaiseAsync(own.CreateClient(), SpeakUpRoute.HowStaffAreTreated, SpeakUpOpenness.Anonymous, "Raised in the night");

        await using var scope = own.Scope();
        var email = await FailingWellApp.NewDbContext(scope).OutboxEmails.Where(e => e.To == guardian.Email).SingleAsync();
        // The case is dated "night (10pm to 7am)": the email says no more, neither when made nor when sent.
        var endOfNight = new DateTime(2026, 11, 3, 7, 0, 0, DateTimeKind.Utc);
        Assert.Equal(endOfNight, email.CreatedAtUtc);
        Assert.Equal(endOfNight, email.NextAttemptAtUtc);
        var delivery = scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Email.OutboxDelivery>();
        clock.Now = new DateTimeOffset(2026, 11, 3, 6, 59, 59, TimeSpan.Zero);
        Assert.Equal(0, (await delivery.DeliverDueAsync(CancellationToken.None)).Sent);
    }

    [Fact]
    public async Task The_code_opens_the_case_the_reporter_reads_the_guardians_reply_and_replies()
    {
        var raised = await SpeakUpCases.RaiseAsync(app.CreateClient(), SpeakUpRoute.HowStaffAreTreated, SpeakUpOpenness.Anonymous, "I am being shouted at on nights");
        var guardian = await Staff.CreateAsync(app, StaffRoles.Guardian, withTwoFactor: false, name: "Gill Guardian");
        await SpeakUpCases.ChangeAsync(app, guardian.Id, raised.Reference!, new MessageSpeaker.Command { Body = "Thank you. Can we talk in confidence?" });

        var client = app.CreateClient();
        var page = await FollowUps.OpenAsync(client, raised.ReceiptCode!);
        Assert.Contains(raised.Reference!, page.Html, StringComparison.Ordinal);
        Assert.Contains("From Gill Guardian", page.Html, StringComparison.Ordinal);
        Assert.Contains("Can we talk in confidence?", page.Html, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["Session"] = page.Session!,
            ["CaseMessage.SubmissionId"] = FollowUps.Field(page.Html, "CaseMessage.SubmissionId")!,
            ["CaseMessage.Body"] = "Yes, on Tuesday",
            ["__RequestVerificationToken"] = FollowUps.Field(page.Html, "__RequestVerificationToken")!,
        };
        using var content = new FormUrlEncodedContent(fields);
        var replied = await client.PostAsync(new Uri("/report/follow-up?handler=CaseMessage", UriKind.Relative), content);
        Assert.Contains("Your message has been sent to the guardian", await replied.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await SpeakUpCases.LoadAsync(app, raised.Reference!);
        var reply = saved.Messages.Single(m => m.Author == MessageAuthor.Reporter);
        Assert.Equal("Yes, on Tuesday", reply.Body);
        Assert.NotNull(saved.FeedbackGivenOn);
    }

    [Fact]
    public async Task A_case_token_never_opens_a_report_and_a_report_token_never_opens_a_case()
    {
        await using var scope = app.Scope();
        var sessions = scope.ServiceProvider.GetRequiredService<FollowUpSessions>();

        Assert.Null(sessions.Open(sessions.IssueForCase(7)));
        Assert.Null(sessions.OpenCase(sessions.Issue(7)));
        Assert.Equal(7, sessions.OpenCase(sessions.IssueForCase(7)));
    }
}
