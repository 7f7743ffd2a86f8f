using FailingWell.Web.Features.Lfpse;
using FailingWell.Web.Infrastructure.Mediation;

namespace FailingWell.Tests.Lfpse;

/// <summary>
/// A lead's confirmation reaches LFPSE (the fake one on loopback) through the outbox: once, in order,
/// through slow, failing and stopped servers, and never twice after a timeout or a node stopping.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class LfpseDeliveryTests : IAsyncLifetime
{
    private FakeLfpse _lfpse = null!;
    private FailingWellApp _app = null!;
    private Staff.Account _lead = null!;

    public async Task InitializeAsync()
    {
        _lfpse = await FakeLfpse.StartAsync();
        _app = NewApp(new FailingWellApp());
        _lead = await Staff.CreateAsync(_app, StaffRoles.GovernanceLead, withTwoFactor: false);
        await MapEverythingAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _lfpse.DisposeAsync();
    }

    private FailingWellApp NewApp(FailingWellApp app) => app
        .With("Lfpse:BaseUrl", _lfpse.BaseUrl)
        .With("Lfpse:SubscriptionKey", FakeLfpse.Key)
        .With("Lfpse:OdsCode", LfpseEvents.OdsCode)
        .With("Lfpse:TimeoutSeconds", "2")
        .With("Lfpse:DeliveryIntervalSeconds", "3600");

    /// <summary>The trust's mappings: every division, location, category and staff group given LFPSE codes.</summary>
    internal static async Task MapEverythingAsync(FailingWellApp app)
    {
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        await db.Divisions.ExecuteUpdateAsync(u => u.SetProperty(d => d.LfpseServiceArea, "1").SetProperty(d => d.LfpseSpecialty, "2"));
        await db.Locations.ExecuteUpdateAsync(u => u.SetProperty(l => l.LfpseLocationWithinService, "4"));
        await db.Categories.ExecuteUpdateAsync(u => u.SetProperty(c => c.LfpseInvolvedAgents, "10").SetProperty(c => c.LfpseSafetyChallenges, "6"));
        await db.StaffGroups.ExecuteUpdateAsync(u => u.SetProperty(s => s.LfpseStaffType, "9"));
    }

    private async Task<Report> ConfirmedAsync(ReportBuilder? builder = null, string description = "A patient slipped on a wet floor.")
    {
        var report = await (builder ?? new ReportBuilder()).SaveAsync(_app);
        await ConfirmAsync(report.Id, description);
        return report;
    }

    private Task<Unit> ConfirmAsync(int reportId, string description, bool? dutyOfCandour = null) =>
        SavedReports.ChangeAsync(_app, _lead.Id, reportId, new ConfirmLfpseEvent.Command
        {
            Description = description,
            LevelOfConcern = "4",
            DutyOfCandour = dutyOfCandour,
        });

    private async Task<LfpseDeliveryResult> DeliverAsync(FailingWellApp? app = null)
    {
        await using var scope = (app ?? _app).Scope();
        return await scope.ServiceProvider.GetRequiredService<LfpseDelivery>().DeliverDueAsync(CancellationToken.None);
    }

    private async Task<LfpseEvent> EventAsync(int reportId)
    {
        await using var scope = _app.Scope();
        return await FailingWellApp.NewDbContext(scope).LfpseEvents.AsNoTracking().SingleAsync(e => e.ReportId == reportId);
    }

    private async Task<List<LfpseOutboxItem>> OutboxAsync(int reportId)
    {
        await using var scope = _app.Scope();
        return await FailingWellApp.NewDbContext(scope).LfpseOutbox.AsNoTracking().Where(i => i.ReportId == reportId).OrderBy(i => i.Sequence).ToListAsync();
    }

    private async Task MakeDueAsync()
    {
        await using var scope = _app.Scope();
        await FailingWellApp.NewDbContext(scope).LfpseOutbox.ExecuteUpdateAsync(u => u.SetProperty(i => i.NextAttemptAtUtc, DateTime.UtcNow.AddYears(-1)));
    }

    [Fact]
    public async Task A_confirmed_report_is_posted_once_with_the_key_and_its_LFPSE_id_version_and_reference_are_kept()
    {
        var report = await ConfirmedAsync();

        Assert.Equal(new LfpseDeliveryResult(1, 0, 0), await DeliverAsync());
        Assert.Equal(new LfpseDeliveryResult(0, 0, 0), await DeliverAsync());

        var request = Assert.Single(_lfpse.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(FakeLfpse.Key, request.Key);
        Assert.Empty(request.Problems);
        var sent = await EventAsync(report.Id);
        Assert.Equal(LfpseState.Sent, sent.State);
        Assert.Equal(_lfpse.Stored.Keys.Single(), sent.LfpseId);
        Assert.Equal("1", sent.LfpseVersionId);
        Assert.Equal("LFPSE-000001", sent.LfpseReference);
        Assert.DoesNotContain(FakeLfpse.Key, _app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_change_is_a_PUT_of_the_same_event_with_its_id()
    {
        var report = await ConfirmedAsync();
        await DeliverAsync();
        var version = (await SavedReports.LoadAsync(_app, report.Id)).Version;
        await SavedReports.ChangeAsync(_app, _lead.Id, report.Id, new ConfirmLfpseEvent.Command { Description = "Regraded.", LevelOfConcern = "5", DutyOfCandour = true }, version);

        await DeliverAsync();

        var requests = _lfpse.Requests.ToList();
        Assert.Equal(["POST", "PUT"], requests.Select(r => r.Method));
        var id = _lfpse.Stored.Keys.Single();
        Assert.EndsWith("/AdverseEvent/" + id, requests[1].Path, StringComparison.Ordinal);
        Assert.Contains("\"DutyOfCandour\"", requests[1].Body, StringComparison.Ordinal);
        var sent = await EventAsync(report.Id);
        Assert.Equal("2", sent.LfpseVersionId);
        Assert.Equal([LfpseOperation.Create, LfpseOperation.Update], (await OutboxAsync(report.Id)).Select(i => i.Operation));
    }

    [Fact]
    public async Task A_server_that_is_down_or_busy_is_tried_again_after_the_back_off_and_the_event_arrives_once()
    {
        var report = await ConfirmedAsync();
        await _lfpse.StopAsync();
        Assert.Equal(new LfpseDeliveryResult(0, 1, 0), await DeliverAsync());
        Assert.Equal(LfpseState.Pending, (await EventAsync(report.Id)).State);
        Assert.Equal(new LfpseDeliveryResult(0, 0, 0), await DeliverAsync()); // waiting out the back-off

        await _lfpse.StartAgainAsync();
        _lfpse.FailNext(1, 503);
        await MakeDueAsync();
        Assert.Equal(new LfpseDeliveryResult(0, 1, 0), await DeliverAsync());
        Assert.Contains("Service unavailable", (await EventAsync(report.Id)).Messages, StringComparison.Ordinal);

        await MakeDueAsync();
        Assert.Equal(new LfpseDeliveryResult(1, 0, 0), await DeliverAsync());
        Assert.Single(_lfpse.Stored);
        Assert.Equal(3, (await OutboxAsync(report.Id)).Single().Attempts);
    }

    [Fact]
    public async Task A_request_that_timed_out_is_marked_for_an_admin_to_check_and_never_posted_again()
    {
        var report = await ConfirmedAsync();
        _lfpse.Delay = TimeSpan.FromSeconds(4);

        Assert.Equal(new LfpseDeliveryResult(0, 0, 1), await DeliverAsync());
        _lfpse.Delay = TimeSpan.Zero;
        await MakeDueAsync();
        await DeliverAsync();

        Assert.Single(_lfpse.Requests);
        var waiting = await EventAsync(report.Id);
        Assert.Equal(LfpseState.NeedsCheck, waiting.State);
        Assert.Contains("Check before retrying", waiting.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_keeps_LFPSEs_messages_and_a_warning_keeps_the_event_and_its_messages()
    {
        var refused = await ConfirmedAsync();
        _lfpse.FailNext(1, 422);
        await DeliverAsync();
        var failed = await EventAsync(refused.Id);
        Assert.Equal(LfpseState.Failed, failed.State);
        Assert.Contains("Service unavailable, try later.", failed.Messages, StringComparison.Ordinal);

        var warned = await ConfirmedAsync();
        _lfpse.Warn = true;
        await DeliverAsync();
        var warning = await EventAsync(warned.Id);
        Assert.Equal(LfpseState.Warning, warning.State);
        Assert.Contains("LevelOfConcern was expected", warning.Messages, StringComparison.Ordinal);
        Assert.NotNull(warning.LfpseId);
    }

    [Fact]
    public async Task A_request_cut_off_by_the_site_stopping_is_checked_not_resent_and_pending_ones_are_sent_after_a_restart()
    {
        var cutOff = await ConfirmedAsync();
        var pending = await ConfirmedAsync();
        await using (var scope = _app.Scope())
        {
            // What a node that died mid-request leaves behind: claimed, under way, its lease run out.
            await FailingWellApp.NewDbContext(scope).LfpseOutbox.Where(i => i.ReportId == cutOff.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, LfpseState.Sending).SetProperty(i => i.NextAttemptAtUtc, DateTime.UtcNow.AddMinutes(-1)));
        }

        // The site started again: a new host on the same database (the first is not used again).
        await using var restarted = NewApp(new SecondNode(_app.ConnectionString));
        await DeliverAsync(restarted);

        var request = Assert.Single(_lfpse.Requests);
        Assert.Contains("wet floor", request.Body, StringComparison.Ordinal);
        Assert.Equal(LfpseState.NeedsCheck, (await EventAsync(cutOff.Id, restarted)).State);
        Assert.Equal(LfpseState.Sent, (await EventAsync(pending.Id, restarted)).State);
    }

    [Fact]
    public async Task Two_nodes_delivering_at_once_send_each_event_once()
    {
        var reports = new List<Report>();
        for (var i = 0; i < 12; i++)
        {
            reports.Add(await ConfirmedAsync());
        }

        _lfpse.Delay = TimeSpan.FromMilliseconds(50);
        await using var second = NewApp(new SecondNode(_app.ConnectionString));
        await Task.WhenAll(DeliverAsync(), DeliverAsync(second));
        await DeliverAsync();

        Assert.Equal(12, _lfpse.Requests.Count);
        Assert.Equal(12, _lfpse.Stored.Count);
    }

    [Fact]
    public async Task Nothing_that_names_contacts_or_dates_the_reporter_or_is_FailingWells_own_leaves_in_any_request()
    {
        var anonymous = await ConfirmedAsync();
        var named = await ConfirmedAsync(new ReportBuilder { ReporterName = "Robin Speakup", ReporterEmail = "robin.speakup@trust.example" });
        await DeliverAsync();

        Assert.Equal(2, _lfpse.Requests.Count);
        foreach (var (request, report) in _lfpse.Requests.Zip(new[] { anonymous, named }))
        {
            foreach (var forbidden in new[] { "Robin", "robin.speakup", "@", report.Reference, report.ReceiptLocator!, report.SubmissionId.ToString(), "PreciseTime", "ReporterContact", "T0", "T1", "T2", "localhost", "http://127" })
            {
                Assert.DoesNotContain(forbidden, request.Body, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static async Task<LfpseEvent> EventAsync(int reportId, FailingWellApp app)
    {
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).LfpseEvents.AsNoTracking().SingleAsync(e => e.ReportId == reportId);
    }

    /// <summary>Another node on the same database.</summary>
    private sealed class SecondNode : FailingWellApp
    {
        public SecondNode(string connectionString) => With("ConnectionStrings:FailingWell", connectionString);
    }
}
