using System.Text.RegularExpressions;
using FailingWell.Web.Features.Lfpse;
using FailingWell.Web.Features.Lfpse.Lead;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace FailingWell.Tests.Lfpse.Lead;

/// <summary>
/// The lead's LFPSE page over HTTP, as a lead uses it: the preview is the exact JSON that lands in the
/// outbox, a confirmation sends only what was previewed, and what is missing or not a safety event is said.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed partial class LfpseConfirmPageTests : IAsyncLifetime
{
    private FakeLfpse _lfpse = null!;
    private FailingWellApp _app = null!;
    private HttpClient _lead = null!;
    private Staff.Account _leadAccount = null!;

    public async Task InitializeAsync()
    {
        _lfpse = await FakeLfpse.StartAsync();
        _app = new FailingWellApp()
            .With("Lfpse:BaseUrl", _lfpse.BaseUrl)
            .With("Lfpse:SubscriptionKey", FakeLfpse.Key)
            .With("Lfpse:OdsCode", LfpseEvents.OdsCode)
            .With("Lfpse:DeliveryIntervalSeconds", "3600");
        await LfpseDeliveryTests.MapEverythingAsync(_app);
        _leadAccount = await Staff.CreateAsync(_app, StaffRoles.GovernanceLead);
        _lead = await Staff.SignInAsync(_app, _leadAccount);
    }

    public async Task DisposeAsync()
    {
        _lead.Dispose();
        await _app.DisposeAsync();
        await _lfpse.DisposeAsync();
    }

    private static string PagePath(int id) => $"/triage/reports/{id}/lfpse";

    private static Dictionary<string, string> Answers(string page, string description, string? levelOfConcern = "4") => new()
    {
        ["Answers.Version"] = Hidden(page, "Answers.Version"),
        ["Answers.Description"] = description,
        ["Answers.ImmediateActions"] = "Floor dried and a sign put out.",
        ["Answers.LevelOfConcern"] = levelOfConcern ?? "",
        ["Answers.DutyOfCandour"] = "true",
        ["Answers.NeverEvent"] = "false",
        ["Answers.NeverEventType"] = "",
        ["Answers.SeriousIncident"] = "",
    };

    private async Task<(string Page, string Html)> PreviewAsync(int id, string description, string? levelOfConcern = "4")
    {
        var page = await _lead.GetStringAsync(new Uri(PagePath(id), UriKind.Relative));
        var response = await Forms.PostAsync(_lead, PagePath(id) + "?handler=Preview", Answers(page, description, levelOfConcern), tokenFrom: PagePath(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (page, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The confirmation form's hidden fields: the previewed answers and the preview's fingerprint.</summary>
    private static Dictionary<string, string> ConfirmForm(string html)
    {
        var form = ConfirmFormPattern().Match(html);
        Assert.True(form.Success, "The page offers no confirmation");
        return HiddenPattern().Matches(form.Value).Where(m => m.Groups[1].Value != "__RequestVerificationToken")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    private static string Json(string html)
    {
        var json = JsonPattern().Match(html);
        Assert.True(json.Success, "The page shows no JSON");
        return WebUtility.HtmlDecode(json.Groups[1].Value);
    }

    private static string Hidden(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value);

    private Task<HttpResponseMessage> ConfirmAsync(int id, IDictionary<string, string> fields) =>
        Forms.PostAsync(_lead, PagePath(id) + "?handler=Confirm", fields, tokenFrom: PagePath(id));

    private async Task<List<LfpseOutboxItem>> OutboxAsync(int reportId)
    {
        await using var scope = _app.Scope();
        return await FailingWellApp.NewDbContext(scope).LfpseOutbox.AsNoTracking().Where(i => i.ReportId == reportId).ToListAsync();
    }

    [Fact]
    public async Task The_preview_shows_the_exact_JSON_that_the_confirmation_puts_in_the_outbox_once_and_the_reporters_words_stay()
    {
        var report = await new ReportBuilder { WhatHappened = "Mr Jones slipped on a wet floor by bay 3." }.SubmitAsync(_app);

        var (page, preview) = await PreviewAsync(report.Id, "A patient slipped on a wet floor by bay 3.");
        var json = Json(preview);
        var confirmed = await ConfirmAsync(report.Id, ConfirmForm(preview));

        Assert.Contains("Mr Jones slipped", page, StringComparison.Ordinal); // the form starts with the reporter's words
        Assert.Contains("A patient slipped on a wet floor by bay 3.", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Jones", json, StringComparison.Ordinal);
        Assert.Contains("Fairly concerned", preview, StringComparison.Ordinal); // LFPSE's own words for code 4
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/triage/reports/{report.Id}", confirmed.Headers.Location!.OriginalString);
        var queued = Assert.Single(await OutboxAsync(report.Id));
        Assert.Equal(json, queued.Payload);
        Assert.Equal(LfpseOperation.Create, queued.Operation);
        Assert.Equal("Mr Jones slipped on a wet floor by bay 3.", (await SavedReports.LoadAsync(_app, report.Id)).WhatHappened);
        Assert.Contains("LFPSE answers confirmed", await _lead.GetStringAsync(new Uri(confirmed.Headers.Location.OriginalString, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_changed_after_the_preview_are_not_sent_until_the_lead_has_seen_them()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);
        var (_, preview) = await PreviewAsync(report.Id, "A patient slipped.");
        var altered = ConfirmForm(preview);
        altered["Answers.Description"] = "Something else, never previewed.";

        var response = await ConfirmAsync(report.Id, altered);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(ConfirmModel.PreviewChanged), html, StringComparison.Ordinal);
        Assert.Contains("Something else, never previewed.", Json(html)); // the new preview, to check
        Assert.Empty(await OutboxAsync(report.Id));
    }

    [Fact]
    public async Task Refused_answers_are_shown_beside_their_fields_with_what_was_typed_kept_and_nothing_queued()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);

        var (_, html) = await PreviewAsync(report.Id, " ", levelOfConcern: "99");

        Assert.Contains("href=\"#Answers_Description\">Write what happened, as it will be sent</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Answers_LevelOfConcern\">Choose a level of concern from the list</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Answers_LevelOfConcern-error\"", html, StringComparison.Ordinal);
        Assert.Contains(">Floor dried and a sign put out.</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"lfpse-json\"", html, StringComparison.Ordinal);
        Assert.Empty(await OutboxAsync(report.Id));
    }

    [Fact]
    public async Task A_report_whose_mapping_is_missing_says_what_is_missing_and_a_confirmation_queues_nothing()
    {
        await using (var scope = _app.Scope())
        {
            await FailingWellApp.NewDbContext(scope).Categories.ExecuteUpdateAsync(u => u.SetProperty(c => c.LfpseInvolvedAgents, (string?)null));
        }

        var report = await new ReportBuilder().SubmitAsync(_app);
        var page = await _lead.GetStringAsync(new Uri(PagePath(report.Id), UriKind.Relative));

        var fields = Answers(page, "A patient slipped.");
        fields["Answers.Version"] = (await SavedReports.LoadAsync(_app, report.Id)).Version.ToString(); // the page offers no form
        var response = await ConfirmAsync(report.Id, fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("This report cannot be sent to LFPSE yet", page, StringComparison.Ordinal);
        Assert.Contains("The LFPSE agents of the category", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Preview", page, StringComparison.Ordinal); // nothing to fill in
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Not sent: ", html, StringComparison.Ordinal);
        Assert.Empty(await OutboxAsync(report.Id));
    }

    [Fact]
    public async Task A_report_that_is_not_a_patient_safety_event_says_it_does_not_go_and_a_confirmation_is_refused()
    {
        var report = await new ReportBuilder
        {
            PersonAffected = PersonAffected.Nobody,
            Then = r => r.Stream = GovernanceStream.PatientExperience,
        }.SaveAsync(_app);
        var page = await _lead.GetStringAsync(new Uri(PagePath(report.Id), UriKind.Relative));
        var reportPage = await _lead.GetStringAsync(new Uri($"/triage/reports/{report.Id}", UriKind.Relative));

        var response = await ConfirmAsync(report.Id, new Dictionary<string, string>
        {
            ["Answers.Version"] = report.Version.ToString(), ["Answers.Description"] = "Not a safety event.", ["Answers.LevelOfConcern"] = "4",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("it does not go to LFPSE", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"lfpse\"", reportPage, StringComparison.Ordinal);
        Assert.Contains("This report is not about a patient's safety: it does not go to LFPSE.", html, StringComparison.Ordinal);
        Assert.Empty(await OutboxAsync(report.Id));
    }

    [Fact]
    public async Task A_lead_confirms_the_fake_LFPSE_receives_it_and_the_report_page_shows_its_reference_number()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);
        var before = WebUtility.HtmlDecode(await _lead.GetStringAsync(new Uri($"/triage/reports/{report.Id}", UriKind.Relative)));
        var (_, preview) = await PreviewAsync(report.Id, "A patient slipped on a wet floor.");
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(report.Id, ConfirmForm(preview))).StatusCode);
        var waiting = WebUtility.HtmlDecode(await _lead.GetStringAsync(new Uri($"/triage/reports/{report.Id}", UriKind.Relative)));

        await using (var scope = _app.Scope())
        {
            Assert.Equal(new LfpseDeliveryResult(1, 0, 0), await scope.ServiceProvider.GetRequiredService<LfpseDelivery>().DeliverDueAsync(CancellationToken.None));
        }

        var sent = WebUtility.HtmlDecode(await _lead.GetStringAsync(new Uri($"/triage/reports/{report.Id}", UriKind.Relative)));
        var again = WebUtility.HtmlDecode(await _lead.GetStringAsync(new Uri(PagePath(report.Id), UriKind.Relative)));

        Assert.Contains("Not yet confirmed", before, StringComparison.Ordinal);
        Assert.Contains($"href=\"/triage/reports/{report.Id}/lfpse\"", before, StringComparison.Ordinal);
        Assert.Contains("Waiting to be sent", waiting, StringComparison.Ordinal);
        var received = Assert.Single(_lfpse.Requests);
        Assert.Empty(received.Problems);
        Assert.Equal(Json(preview), received.Body);
        Assert.Contains(">Sent</strong>", sent, StringComparison.Ordinal);
        Assert.Contains("id=\"lfpse-reference\">LFPSE-000001<", sent, StringComparison.Ordinal);
        Assert.Contains("Send an update to LFPSE", sent, StringComparison.Ordinal);
        Assert.Contains("A patient slipped on a wet floor.", again, StringComparison.Ordinal); // the confirmed answers, not the reporter's
        Assert.Contains("LFPSE holds the event as LFPSE-000001", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_harm_is_regraded_the_report_page_says_the_report_differs_from_what_LFPSE_holds_until_an_update_is_sent()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);
        var (_, preview) = await PreviewAsync(report.Id, "A patient slipped on a wet floor.");
        await ConfirmAsync(report.Id, ConfirmForm(preview));
        await DeliverAsync();
        var sent = await ReportPageAsync(report.Id);

        await SavedReports.ChangeAsync(_app, _leadAccount.Id, report.Id, new Web.Features.Triage.Grade.Command
        {
            PhysicalHarm = PhysicalHarm.Moderate, PsychologicalHarm = PsychologicalHarm.None, Consequence = 3, Likelihood = 3,
        });
        var regraded = await ReportPageAsync(report.Id);

        var (_, update) = await PreviewAsync(report.Id, "A patient slipped on a wet floor.");
        await ConfirmAsync(report.Id, ConfirmForm(update));
        await DeliverAsync();
        var updated = await ReportPageAsync(report.Id);

        Assert.DoesNotContain("Changed since it was sent", sent, StringComparison.Ordinal);
        Assert.Contains("Changed since it was sent", regraded, StringComparison.Ordinal);
        Assert.DoesNotContain("Changed since it was sent", updated, StringComparison.Ordinal);
        Assert.Equal(["POST", "PUT"], _lfpse.Requests.Select(r => r.Method));
    }

    private async Task DeliverAsync()
    {
        await using var scope = _app.Scope();
        await scope.ServiceProvider.GetRequiredService<LfpseDelivery>().DeliverDueAsync(CancellationToken.None);
    }

    private async Task<string> ReportPageAsync(int id) =>
        WebUtility.HtmlDecode(await _lead.GetStringAsync(new Uri($"/triage/reports/{id}", UriKind.Relative)));

    [Fact]
    public async Task LFPSEs_warning_messages_are_shown_on_the_report_page()
    {
        _lfpse.Warn = true;
        var report = await new ReportBuilder().SubmitAsync(_app);
        var (_, preview) = await PreviewAsync(report.Id, "A patient slipped.");
        await ConfirmAsync(report.Id, ConfirmForm(preview));
        await using (var scope = _app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<LfpseDelivery>().DeliverDueAsync(CancellationToken.None);
        }

        var page = WebUtility.HtmlDecode(await _lead.GetStringAsync(new Uri($"/triage/reports/{report.Id}", UriKind.Relative)));

        Assert.Contains("Sent, with a warning from LFPSE", page, StringComparison.Ordinal);
        Assert.Contains("Stored; LevelOfConcern was expected.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_malformed_and_hostile_posts_to_the_LFPSE_form_get_no_server_error()
    {
        var report = await new ReportBuilder().SubmitAsync(_app);
        var cookies = new System.Net.CookieContainer();
        using var signedIn = await Staff.SignInAsync(_app, await Staff.CreateAsync(_app, StaffRoles.GovernanceLead), cookies);

        var outcome = await new FormFuzzer(() => _app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), seed: 41)
            .RunAsync([PagePath(report.Id) + "?handler=Preview", PagePath(report.Id) + "?handler=Confirm"], posts: 300, limit: TimeSpan.FromMinutes(2));

        Assert.True(outcome.Posts >= 100, $"Only {outcome.Posts} posts");
        Assert.True(outcome.ServerErrors == 0, $"{outcome.ServerErrors} server errors: {string.Join("; ", outcome.ServerErrorSamples)}");
        Assert.True(outcome.ByStatus.GetValueOrDefault(200) > 0, string.Join(", ", outcome.ByStatus.Select(s => $"{s.Key}: {s.Value}")));
    }

    [GeneratedRegex("<form[^>]*handler=Confirm.*?</form>", RegexOptions.Singleline)]
    private static partial Regex ConfirmFormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("<pre class=\"fw-json\" id=\"lfpse-json\"[^>]*>(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex JsonPattern();
}
