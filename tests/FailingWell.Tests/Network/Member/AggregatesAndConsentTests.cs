using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network;
using FailingWell.Web.Features.Network.Member;
using static FailingWell.Tests.Network.PeersSupport;

namespace FailingWell.Tests.Network.Member;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class AggregatesAndConsentTests
{
    private static readonly ReportBuilder NearMiss = new() { Kind = ReportKind.NearMiss, PhysicalHarm = null };

    private static readonly ReportBuilder Named = new() { ReporterName = "Sam Reporter", ReporterEmail = "sam@example.nhs.uk", PhysicalHarm = PhysicalHarm.Moderate };

    [Fact]
    public async Task The_last_13_complete_months_are_sent_with_counts_of_1_to_4_and_parts_whose_rest_is_1_to_4_suppressed()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        // October: 20 reports, 3 of them near misses (null), 17 anonymous with 3 named (the rest is 3: null),
        // no or low harm 17 of 20 (rest 3: null). September: 3 reports, all hidden. Today's month is not sent.
        await SaveReportsAsync(app, October.AddDays(4), 3, NearMiss);
        await SaveReportsAsync(app, October.AddDays(5), 14);
        await SaveReportsAsync(app, October.AddDays(6), 3, Named);
        await SaveReportsAsync(app, October.AddMonths(-1).AddDays(1), 3);
        await SaveReportsAsync(app, new DateOnly(2026, 11, 2), 9);
        await SaveBedDaysAsync(app, October, 4200);

        var message = await SendAsync(app, new MonthlyAggregates.Query());

        Assert.Equal(13, message.Months.Count);
        Assert.Equal("2025-10", message.Months[0].Month);
        var october = message.Months[^1];
        Assert.Equal(new MonthlyAggregate("2026-10", 20, 4200, null, null, null), october);
        Assert.Equal(new MonthlyAggregate("2026-09", null, null, null, null, null), message.Months[^2]);
        Assert.Equal(new MonthlyAggregate("2026-08", 0, null, 0, 0, 0), message.Months[^3]);
    }

    [Fact]
    public void A_month_large_enough_is_sent_whole()
    {
        var sent = MonthlyAggregates.Suppress(new MonthlyAggregates.Counts(October, 120, 5000, 100, 12, 30));
        Assert.Equal(new MonthlyAggregate("2026-10", 120, 5000, 100, 12, 30), sent);
        Assert.Null(MonthlyAggregates.Suppress(new MonthlyAggregates.Counts(October, 120, 5000, 100, 3, 30)).NearMisses);
        Assert.Null(MonthlyAggregates.Suppress(new MonthlyAggregates.Counts(October, 120, 5000, 100, 12, 118)).Anonymous);
    }

    [Theory]
    [InlineData("Member", 1)]
    [InlineData("None", 0)]
    [InlineData("Hub", 0)]
    public async Task The_monthly_job_publishes_only_on_a_member(string role, int messages)
    {
        using var app = new FailingWellApp { Clock = Clock() }.With("Network:Role", role);
        await using var scope = app.Scope();
        var job = new PublishAggregatesJob(scope.ServiceProvider.GetRequiredService<IMediator>(), scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NetworkSettings>>());

        await job.Execute(null!, CancellationToken.None);

        Assert.Equal(messages, Sent(app).Count);
        Assert.Equal("0 0 2 2 * ?", PublishAggregatesJob.Cron); // 02:00 on the 2nd, read in UK time
    }

    [Fact]
    public async Task Without_consent_publishing_sends_aggregates_only()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        await SaveFallingSeriesAsync(app);

        var result = await SendAsync(app, new PublishAggregates.Command());

        Assert.False(result.SignalsSent);
        Assert.Equal([PeerMessageKinds.Aggregates], Sent(app).Select(s => s.Kind));
        var aggregates = Payload<MonthlyAggregatesMessage>(Sent(app)[0].PayloadJson);
        Assert.Equal(28, aggregates.Months[^1].Reports);
        Assert.Contains("\"months\":[{\"month\":\"2025-10\"", Sent(app)[0].PayloadJson, StringComparison.Ordinal); // camelCase
    }

    [Fact]
    public async Task Giving_consent_sends_the_current_signals_publishing_repeats_them_and_withdrawing_sends_none_all_audited()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        await SaveFallingSeriesAsync(app);
        var admin = await Staff.CreateAsync(app, StaffRoles.Admin);

        await SendAsync(app, new SaveNetworkConsent.Command { Share = true }, admin.Id);
        var given = Payload<SignalsMessage>(Sent(app).Single().PayloadJson);
        Assert.True(given.Consent);
        Assert.Equal([InsularitySignals.FallingReporting], given.Signals);

        Assert.True((await SendAsync(app, new PublishAggregates.Command())).SignalsSent);
        // Publishing queues both in one save (their order within it is the database's): the consent's message, then the pair.
        Assert.Equal(PeerMessageKinds.Signals, Sent(app)[0].Kind);
        Assert.Equal([PeerMessageKinds.Aggregates, PeerMessageKinds.Signals], Sent(app).Skip(1).Select(s => s.Kind).Order(StringComparer.Ordinal));

        await SendAsync(app, new SaveNetworkConsent.Command { Share = false }, admin.Id);
        var withdrawn = Payload<SignalsMessage>(Sent(app)[^1].PayloadJson);
        Assert.False(withdrawn.Consent);
        Assert.Empty(withdrawn.Signals);

        // Saving the same answer again changes nothing and sends nothing.
        await SendAsync(app, new SaveNetworkConsent.Command { Share = false }, admin.Id);
        Assert.Equal(4, Sent(app).Count);
        await using var scope = app.Scope();
        var audit = await FailingWellApp.NewDbContext(scope).AuditEntries.Select(a => a.Action).ToListAsync();
        Assert.Contains(audit, a => a.StartsWith("Network consent given", StringComparison.Ordinal) && a.Contains("falling-reporting", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.StartsWith("Network consent withdrawn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_consent_page_is_for_admins_saves_a_choice_and_asks_again_when_none_is_chosen()
    {
        using var app = new FailingWellApp { Clock = Clock() };
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var page = await admin.GetStringAsync(new Uri("/admin/network-consent", UriKind.Relative));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(NetworkConsent.Wording).Replace("&#39;", "&#x27;", StringComparison.Ordinal), page, StringComparison.Ordinal);

        var empty = await Forms.PostAsync(admin, "/admin/network-consent", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Select yes if you agree to share your insularity signals", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(Sent(app));

        var saved = await Forms.PostAsync(admin, "/admin/network-consent", new Dictionary<string, string> { ["Input.Share"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("value=\"true\" checked", await admin.GetStringAsync(new Uri("/admin/network-consent", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal([PeerMessageKinds.Signals], Sent(app).Select(s => s.Kind));

        var odd = await Forms.PostAsync(admin, "/admin/network-consent", new Dictionary<string, string> { ["Input.Share"] = "perhaps" });
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);

        foreach (var role in new[] { StaffRoles.Executive, StaffRoles.GovernanceLead })
        {
            var staff = await Staff.SignInAsync(app, await Staff.CreateAsync(app, role));
            var refused = await staff.GetAsync(new Uri("/admin/network-consent", UriKind.Relative));
            Assert.StartsWith("http://localhost/account/access-denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }
}
