using FailingWell.Web.Features.Lfpse;

namespace FailingWell.Tests.Lfpse.Admin;

/// <summary>
/// /admin/lfpse/submissions: the LFPSE outbox by state, a failed request retried until the fake LFPSE
/// holds it, and an admin's answer for a request to check, which alone sends it again (decision 0121).
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class SubmissionsPageTests : IAsyncLifetime
{
    private FakeLfpse _lfpse = null!;
    private FailingWellApp _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _lfpse = await FakeLfpse.StartAsync();
        _app = new FailingWellApp()
            .With("Lfpse:BaseUrl", _lfpse.BaseUrl)
            .With("Lfpse:SubscriptionKey", FakeLfpse.Key)
            .With("Lfpse:OdsCode", LfpseEvents.OdsCode)
            .With("Lfpse:TimeoutSeconds", "2")
            .With("Lfpse:DeliveryIntervalSeconds", "3600");
        _admin = await Staff.SignInAsync(_app, await Staff.CreateAsync(_app, StaffRoles.Admin));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
        await _lfpse.DisposeAsync();
    }

    /// <summary>Two confirmed reports: LFPSE refuses the first (failed) and answers 500 to the second (to check).</summary>
    internal static async Task<(Report Failed, Report ToCheck)> FailedAndToCheckAsync(FailingWellApp app, FakeLfpse lfpse)
    {
        await LfpseDeliveryTests.MapEverythingAsync(app);
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false);
        var failed = await ConfirmedAsync(app, lead);
        lfpse.FailNext(1, 422);
        await DeliverAsync(app);
        var toCheck = await ConfirmedAsync(app, lead);
        lfpse.FailNext(1, 500);
        await DeliverAsync(app);
        return (failed, toCheck);
    }

    private static async Task<Report> ConfirmedAsync(FailingWellApp app, Staff.Account lead, string description = "A patient slipped on a wet floor.")
    {
        var report = await new ReportBuilder().SaveAsync(app);
        await SavedReports.ChangeAsync(app, lead.Id, report.Id, new ConfirmLfpseEvent.Command { Description = description, LevelOfConcern = "4" });
        return report;
    }

    private static async Task<LfpseDeliveryResult> DeliverAsync(FailingWellApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<LfpseDelivery>().DeliverDueAsync(CancellationToken.None);
    }

    private async Task<List<LfpseOutboxItem>> OutboxAsync(int reportId)
    {
        await using var scope = _app.Scope();
        return await FailingWellApp.NewDbContext(scope).LfpseOutbox.AsNoTracking().Where(i => i.ReportId == reportId).OrderBy(i => i.Sequence).ToListAsync();
    }

    private async Task<LfpseEvent> EventAsync(int reportId)
    {
        await using var scope = _app.Scope();
        return await FailingWellApp.NewDbContext(scope).LfpseEvents.AsNoTracking().SingleAsync(e => e.ReportId == reportId);
    }

    private async Task<List<string>> AuditAsync(string startingWith)
    {
        await using var scope = _app.Scope();
        return await FailingWellApp.NewDbContext(scope).AuditEntries.Where(a => a.Action.StartsWith(startingWith)).Select(a => a.Action).ToListAsync();
    }

    private async Task<string> PageAsync(string query = "") =>
        WebUtility.HtmlDecode(await _admin.GetStringAsync(new Uri("/admin/lfpse/submissions" + query, UriKind.Relative)));

    [Fact]
    public async Task The_page_counts_each_state_and_shows_each_request_newest_first_with_LFPSEs_answer_and_a_link_to_its_report()
    {
        var (failed, toCheck) = await FailedAndToCheckAsync(_app, _lfpse);
        var lead = await Staff.CreateAsync(_app, StaffRoles.GovernanceLead, withTwoFactor: false);
        var sent = await ConfirmedAsync(_app, lead);
        await DeliverAsync(_app);

        var page = await PageAsync();

        Assert.Contains(">Failed</a>: 1", page, StringComparison.Ordinal);
        Assert.Contains(">To check</a>: 1", page, StringComparison.Ordinal);
        Assert.Contains(">Sent</a>: 1", page, StringComparison.Ordinal);
        Assert.Contains(">Pending</a>: 0", page, StringComparison.Ordinal);
        Assert.Contains("1 to check in LFPSE", page, StringComparison.Ordinal);
        var order = new[] { sent, toCheck, failed }.Select(r => page.IndexOf($"<a href=\"/triage/reports/{r.Id}\">{r.Reference}</a>", StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0, "a request's report is not linked"));
        Assert.Equal(order.Order(), order);
        Assert.Contains("LFPSE LFPSE-000001", page, StringComparison.Ordinal);
        Assert.Contains(">422</td>", page.Replace("<span class=\"nhsuk-table-responsive__heading\" aria-hidden=\"true\">HTTP status </span>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Service unavailable, try later.", page, StringComparison.Ordinal);

        var onlyFailed = await PageAsync("?State=Failed");
        Assert.Contains(failed.Reference, onlyFailed, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.Reference, onlyFailed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_request_retried_from_the_page_is_pending_again_and_the_delivery_sends_it_to_LFPSE()
    {
        var (failed, _) = await FailedAndToCheckAsync(_app, _lfpse);
        var item = (await OutboxAsync(failed.Id)).Single();
        Assert.Equal(LfpseState.Failed, item.Status);

        var retried = await Forms.PostAsync(_admin, "/admin/lfpse/submissions?handler=Retry", new Dictionary<string, string> { ["Retry.ItemId"] = item.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var pending = (await OutboxAsync(failed.Id)).Single();
        Assert.Equal((LfpseState.Pending, 0), (pending.Status, pending.Attempts));
        Assert.Equal(LfpseState.Pending, (await EventAsync(failed.Id)).State);
        Assert.Equal([$"Retried LFPSE request {item.Id} (Create)"], await AuditAsync("Retried LFPSE request"));

        await DeliverAsync(_app);

        Assert.Equal(LfpseState.Sent, (await EventAsync(failed.Id)).State);
        Assert.Single(_lfpse.Stored);
        Assert.Empty(_lfpse.Requests.Last().Problems);

        // Sent now: a second retry of the same request is refused above the form, and nothing is sent.
        var again = WebUtility.HtmlDecode(await (await Forms.PostAsync(_admin, "/admin/lfpse/submissions?handler=Retry", new Dictionary<string, string> { ["Retry.ItemId"] = item.Id.ToString() })).Content.ReadAsStringAsync());
        Assert.Contains("That request is no longer failed", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_to_check_is_sent_again_only_when_an_admin_says_it_is_not_in_LFPSE()
    {
        var (_, toCheck) = await FailedAndToCheckAsync(_app, _lfpse);
        var item = (await OutboxAsync(toCheck.Id)).Single();
        Assert.Equal(LfpseState.NeedsCheck, item.Status);
        await DeliverAsync(_app);
        Assert.Equal(2, _lfpse.Requests.Count); // the refused one and the 500; the one to check waits
        var page = await PageAsync();
        Assert.Contains("Checked in LFPSE: send again", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"Retry.ItemId\" value=\"{item.Id}\"", page, StringComparison.Ordinal);

        var sendAgain = await Forms.PostAsync(_admin, "/admin/lfpse/submissions?handler=Check", new Dictionary<string, string>
        {
            ["Check.ItemId"] = item.Id.ToString(),
            ["Check.Decision"] = "SendAgain",
        });
        Assert.Equal(HttpStatusCode.Redirect, sendAgain.StatusCode);
        await DeliverAsync(_app);

        Assert.Equal(3, _lfpse.Requests.Count);
        Assert.Single(_lfpse.Stored);
        Assert.Equal(LfpseState.Sent, (await EventAsync(toCheck.Id)).State);
        Assert.Equal([$"Checked LFPSE request {item.Id} (Create): not in LFPSE, sent again"], await AuditAsync("Checked LFPSE request"));
    }

    [Fact]
    public async Task A_request_to_check_that_arrived_is_marked_sent_with_LFPSEs_id_and_a_later_change_is_a_PUT_to_it_never_a_second_POST()
    {
        await LfpseDeliveryTests.MapEverythingAsync(_app);
        var lead = await Staff.CreateAsync(_app, StaffRoles.GovernanceLead, withTwoFactor: false);
        var report = await ConfirmedAsync(_app, lead);
        _lfpse.Delay = TimeSpan.FromSeconds(4);
        Assert.Equal(new LfpseDeliveryResult(0, 0, 1), await DeliverAsync(_app));
        _lfpse.Delay = TimeSpan.Zero;
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(20), () => Task.FromResult(!_lfpse.Stored.IsEmpty)), "the slow request never arrived at the fake LFPSE");
        var lfpseId = _lfpse.Stored.Keys.Single();
        var item = (await OutboxAsync(report.Id)).Single();

        // "It arrived" without LFPSE's id is refused beside the field, with what was typed kept.
        var noId = WebUtility.HtmlDecode(await (await Forms.PostAsync(_admin, "/admin/lfpse/submissions?handler=Check", new Dictionary<string, string>
        {
            ["Check.ItemId"] = item.Id.ToString(), ["Check.Decision"] = "Arrived", ["Check.LfpseReference"] = "LFPSE-000001",
        })).Content.ReadAsStringAsync());
        Assert.Contains("href=\"#Check_LfpseId\">Enter LFPSE's id for the event", noId, StringComparison.Ordinal);
        Assert.Contains("id=\"Check_LfpseId-error\"", noId, StringComparison.Ordinal);
        Assert.Contains("value=\"LFPSE-000001\"", noId, StringComparison.Ordinal);
        var badId = WebUtility.HtmlDecode(await (await Forms.PostAsync(_admin, "/admin/lfpse/submissions?handler=Check", new Dictionary<string, string>
        {
            ["Check.ItemId"] = item.Id.ToString(), ["Check.Decision"] = "Arrived", ["Check.LfpseId"] = "not an id!",
        })).Content.ReadAsStringAsync());
        Assert.Contains("letters, digits, '-' and '.', at most 64", badId, StringComparison.Ordinal);
        Assert.Contains("value=\"not an id!\"", badId, StringComparison.Ordinal);
        Assert.Equal(LfpseState.NeedsCheck, (await EventAsync(report.Id)).State);

        var arrived = await Forms.PostAsync(_admin, "/admin/lfpse/submissions?handler=Check", new Dictionary<string, string>
        {
            ["Check.ItemId"] = item.Id.ToString(), ["Check.Decision"] = "Arrived", ["Check.LfpseId"] = lfpseId, ["Check.LfpseReference"] = "LFPSE-000001",
        });
        Assert.Equal(HttpStatusCode.Redirect, arrived.StatusCode);
        var marked = await EventAsync(report.Id);
        Assert.Equal((LfpseState.Sent, lfpseId, "LFPSE-000001"), (marked.State, marked.LfpseId, marked.LfpseReference));
        Assert.Equal(LfpseState.Sent, (await OutboxAsync(report.Id)).Single().Status);
        Assert.Equal([$"Checked LFPSE request {item.Id} (Create): it arrived"], await AuditAsync("Checked LFPSE request"));

        var version = (await SavedReports.LoadAsync(_app, report.Id)).Version;
        await SavedReports.ChangeAsync(_app, lead.Id, report.Id, new ConfirmLfpseEvent.Command { Description = "Regraded.", LevelOfConcern = "5" }, version);
        await DeliverAsync(_app);

        Assert.Equal(["POST", "PUT"], _lfpse.Requests.Select(r => r.Method));
        Assert.EndsWith("/AdverseEvent/" + lfpseId, _lfpse.Requests.Last().Path, StringComparison.Ordinal);
        Assert.Single(_lfpse.Stored);
    }
}
