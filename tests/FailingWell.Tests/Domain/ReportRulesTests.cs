using FailingWell.Web.Features.Digests;
using FailingWell.Web.Features.Triage;

namespace FailingWell.Tests.Domain;

/// <summary>Each deadline rule is written once, and every place that shows it agrees.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class ReportRulesTests
{
    private static readonly DateOnly Due = new(2026, 7, 12); // a Sunday, in British Summer Time

    public static TheoryData<ReportStatus, int, bool> Cases()
    {
        var data = new TheoryData<ReportStatus, int, bool>();
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            foreach (var offset in new[] { -1, 0, 1 })
            {
                data.Add(status, offset, false);
                data.Add(status, offset, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_plain_rule_and_the_database_rule_say_the_same(ReportStatus status, int daysFromDue, bool feedbackGiven)
    {
        var today = Due.AddDays(daysFromDue);
        var report = new Report { Status = status, AcknowledgeBy = Due, FeedbackBy = Due, FeedbackGivenOn = feedbackGiven ? Due.AddDays(-3) : null };

        Assert.Equal(ReportRules.IsAcknowledgementOverdue(status, Due, today), ReportRules.AcknowledgementOverdue(today).Compile()(report));
        Assert.Equal(ReportRules.IsFeedbackOverdue(status, Due, report.FeedbackGivenOn, today), ReportRules.FeedbackOverdue(today).Compile()(report));
        Assert.Equal(report.IsOverdue(today), ReportRules.Overdue(today).Compile()(report));
        Assert.Equal(daysFromDue > 0 && status == ReportStatus.New, ReportRules.IsAcknowledgementOverdue(status, Due, today));
    }

    [Fact]
    public void Every_score_on_the_5x5_matrix_has_one_band_and_only_the_extreme_ones_escalate()
    {
        var bands = new Dictionary<int, RiskRating>();
        for (var consequence = 1; consequence <= 5; consequence++)
        {
            for (var likelihood = 1; likelihood <= 5; likelihood++)
            {
                var score = consequence * likelihood;
                bands[score] = ReportRules.RiskRatingOf(score);
                Assert.Equal(bands[score] == RiskRating.Extreme, ReportRules.NeedsEscalation(PhysicalHarm.None, score));
            }
        }

        Assert.Equal(
            "1 Low, 2 Low, 3 Low, 4 Moderate, 5 Moderate, 6 Moderate, 8 High, 9 High, 10 High, 12 High, 15 Extreme, 16 Extreme, 20 Extreme, 25 Extreme",
            string.Join(", ", bands.OrderBy(b => b.Key).Select(b => $"{b.Key} {b.Value}")));
    }

    [Theory]
    [InlineData(PhysicalHarm.Moderate, 12, false)]
    [InlineData(PhysicalHarm.Moderate, 15, true)]
    [InlineData(PhysicalHarm.Severe, null, true)]
    [InlineData(PhysicalHarm.Low, null, false)]
    public void Escalation_is_severe_harm_or_an_extreme_risk_in_both_forms(PhysicalHarm harm, int? score, bool expected)
    {
        Assert.Equal(expected, ReportRules.NeedsEscalation(harm, score));
        Assert.Equal(expected, ReportRules.NeedingEscalation().Compile()(new Report { PhysicalHarm = harm, RiskScore = score }));
    }

    [Fact]
    public void The_database_rule_for_open_names_exactly_the_open_statuses()
    {
        var open = ReportRules.Open().Compile();
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            Assert.Equal(ReportRules.OpenStatuses.Contains(status), open(new Report { Status = status }));
        }
    }

    [Fact]
    public void Deadlines_follow_the_settings_and_so_does_the_promise_to_the_reporter()
    {
        var deadlines = new ReportDeadlines(AcknowledgeWithinDays: 5, FeedbackWithinMonths: 2);

        Assert.Equal(new DateOnly(2026, 7, 10), deadlines.AcknowledgeBy(new DateOnly(2026, 7, 5)));
        Assert.Equal(new DateOnly(2026, 9, 5), deadlines.FeedbackBy(new DateOnly(2026, 7, 5)));
        Assert.Equal("usually within 5 days", deadlines.AcknowledgementPromise);
    }

    [Fact]
    public async Task At_half_past_eleven_utc_in_summer_the_queue_the_overdue_job_the_report_page_and_the_digest_agree()
    {
        // Received on Sunday 5 July: acknowledgement due Sunday 12 July. At 23:30 UTC on the 12th it
        // is already Monday 13 July in the UK, so the report is overdue everywhere, though the UTC
        // date is still the 12th. A second report, due on the 13th, is overdue nowhere.
        var clock = new MovableClock(new DateTimeOffset(2026, 7, 5, 10, 0, 0, TimeSpan.Zero));
        using var app = new FailingWellApp { Clock = clock };
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var late = await new ReportBuilder { WhatHappened = "Due on the Sunday" }.SubmitAsync(app);
        clock.Now = new DateTimeOffset(2026, 7, 6, 10, 0, 0, TimeSpan.Zero);
        var onTime = await new ReportBuilder { WhatHappened = "Due on the Monday" }.SubmitAsync(app);
        foreach (var report in new[] { late, onTime })
        {
            await SavedReports.ChangeAsync(app, lead.Id, report.Id, new Route.Command { Stream = GovernanceStream.PatientSafety, OwnerAccountId = lead.Id });
        }

        Assert.Equal(Due, (await SavedReports.LoadAsync(app, late.Id)).AcknowledgeBy);
        Assert.Equal(Due.AddDays(1), (await SavedReports.LoadAsync(app, onTime.Id)).AcknowledgeBy);
        clock.Now = new DateTimeOffset(2026, 7, 12, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(Due, DateOnly.FromDateTime(clock.Now.UtcDateTime)); // UTC would say it is not late yet

        // The queue.
        await using (var scope = app.Scope())
        {
            var queue = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new Queue.Query(new Queue.Filter { Overdue = true }) { ActorAccountId = lead.Id });
            var item = Assert.Single(queue.Items);
            Assert.Equal(late.Id, item.Id);
            Assert.True(item.AcknowledgementOverdue);
        }

        // The morning summary (the scheduled run may have sent it already today: once a day a lead).
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<OverdueSummary>().SendAsync(CancellationToken.None);
            var emails = await FailingWellApp.NewDbContext(scope).OutboxEmails.Where(e => e.Subject == OverdueSummary.Subject && e.To == lead.Email).ToListAsync();
            Assert.NotEmpty(emails);
            Assert.All(emails, email => Assert.Contains("waiting for acknowledgement past the deadline: 1", email.Body, StringComparison.Ordinal));
        }

        // The report page.
        var browser = await Staff.SignInAsync(app, lead);
        var latePage = await browser.GetAsync($"/triage/reports/{late.Id}");
        Assert.Equal(HttpStatusCode.OK, latePage.StatusCode);
        Assert.Contains("Acknowledge by 12 July 2026 (overdue)", WebUtility.HtmlDecode(await latePage.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var onTimePage = WebUtility.HtmlDecode(await (await browser.GetAsync($"/triage/reports/{onTime.Id}")).Content.ReadAsStringAsync());
        Assert.Contains("Acknowledge by 13 July 2026.", onTimePage, StringComparison.Ordinal);

        // The digest of the week that ended on the Sunday, built on the Monday.
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<DigestBuilder>()
                .BuildAsync(GovernanceStream.PatientSafety, Period.Week(Due), CancellationToken.None);
            var organisation = await FailingWellApp.NewDbContext(scope).Digests.SingleAsync(d =>
                d.Stream == GovernanceStream.PatientSafety && d.PeriodKey == Period.Week(Due).Key && d.ScopeKey == Digest.OrganisationScope);
            Assert.Equal(1, DigestContent.FromJson(organisation.Content).Timeliness.AcknowledgementsOverdue);
        }
    }
}
