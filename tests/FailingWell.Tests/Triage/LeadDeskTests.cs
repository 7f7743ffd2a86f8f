using System.Text.RegularExpressions;
using FailingWell.Web.Features.Triage;

namespace FailingWell.Tests.Triage;

/// <summary>The lead's desk: bulk changes from the queue, sorting, saved views and the remembered filter.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed partial class LeadDeskTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    private static string Selected(Report report) => $"{report.Id}:{report.Version}";

    private async Task<BulkChange.Result> BulkAsync(Staff.Account lead, BulkChange.Command command)
    {
        command.ActorAccountId = lead.Id;
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    private async Task<List<AuditEntry>> AuditAsync(params int[] reportIds)
    {
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).AuditEntries.AsNoTracking()
            .Where(a => a.ReportId != null && reportIds.Contains(a.ReportId.Value)).ToListAsync();
    }

    /// <summary>Posts a form as a browser does, repeated names (the checkboxes) and all, with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? tokenFrom, IEnumerable<(string Key, string Value)> fields)
    {
        var form = fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).ToList();
        if (tokenFrom is not null)
        {
            var page = await client.GetStringAsync(new Uri(tokenFrom, UriKind.Relative));
            var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
            Assert.NotEmpty(token);
            form.Add(KeyValuePair.Create("__RequestVerificationToken", token));
        }

        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Bulk.Selected\" value=\"([^\"]+)\"")]
    private static partial Regex Checkbox();

    [Fact]
    public async Task Acknowledging_several_reports_at_once_acknowledges_and_audits_each()
    {
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false, name: "Bea Bulk");
        var reports = new List<Report>();
        for (var i = 0; i < 3; i++)
        {
            reports.Add(await new ReportBuilder { Kind = ReportKind.NearMiss }.SaveAsync(app));
        }

        var result = await BulkAsync(lead, new BulkChange.Command { Action = BulkChange.Acknowledge, Selected = [.. reports.Select(Selected)] });

        Assert.Equal(reports.Select(r => r.Reference), result.Done.Select(d => d.Reference));
        Assert.Empty(result.NotDone);
        foreach (var report in reports)
        {
            var saved = await SavedReports.LoadAsync(app, report.Id);
            Assert.Equal(ReportStatus.Acknowledged, saved.Status);
            Assert.NotEqual(report.Version, saved.Version);
        }

        var audit = await AuditAsync([.. reports.Select(r => r.Id)]);
        Assert.Equal(reports.Select(r => r.Id).Order(), audit.Where(a => a.Action == "Acknowledged").Select(a => a.ReportId!.Value).Order());
        Assert.All(audit, a => Assert.Equal("Bea Bulk", a.AccountName));
    }

    [Fact]
    public async Task A_report_changed_since_the_queue_was_shown_is_left_alone_and_named_while_the_others_commit()
    {
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false);
        var other = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false);
        var first = await new ReportBuilder().SaveAsync(app);
        var changed = await new ReportBuilder().SaveAsync(app);
        var last = await new ReportBuilder().SaveAsync(app);
        var alreadyAcknowledged = await new ReportBuilder().SaveAsync(app);
        await SavedReports.ChangeAsync(app, other.Id, alreadyAcknowledged.Id, new Acknowledge.Command());
        // Another lead grades one after the queue was shown: its version moves on.
        await SavedReports.ChangeAsync(app, other.Id, changed.Id, new Grade.Command { PhysicalHarm = PhysicalHarm.Moderate, PsychologicalHarm = PsychologicalHarm.None, Consequence = 3, Likelihood = 3 });
        var graded = await SavedReports.LoadAsync(app, changed.Id);
        var acknowledged = await SavedReports.LoadAsync(app, alreadyAcknowledged.Id);

        var result = await BulkAsync(lead, new BulkChange.Command
        {
            Action = BulkChange.Acknowledge,
            Selected = [Selected(first), Selected(changed), Selected(last), $"{acknowledged.Id}:{acknowledged.Version}"],
        });

        Assert.Equal([first.Reference, last.Reference], result.Done.Select(d => d.Reference));
        Assert.Equal([(changed.Reference, BulkChange.Changed), (alreadyAcknowledged.Reference, "This report has already been acknowledged.")],
            result.NotDone.Select(n => (n.Reference, n.Why)));
        Assert.Equal(ReportStatus.Acknowledged, (await SavedReports.LoadAsync(app, first.Id)).Status);
        Assert.Equal(ReportStatus.Acknowledged, (await SavedReports.LoadAsync(app, last.Id)).Status);
        var unchanged = await SavedReports.LoadAsync(app, changed.Id);
        Assert.Equal(ReportStatus.New, unchanged.Status);
        Assert.Null(unchanged.AcknowledgedOn);
        Assert.Equal(graded.Version, unchanged.Version);
        Assert.DoesNotContain(await AuditAsync(changed.Id), a => a.Action == "Acknowledged");
        Assert.Single(await AuditAsync(alreadyAcknowledged.Id), a => a.Action == "Acknowledged");
    }

    [Fact]
    public async Task Assigning_keeps_each_reports_routing_and_routing_keeps_its_owner()
    {
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false);
        var owner = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false, name: "Owen Owner");
        var (a, b) = await ReportBuilder.TwoDivisionsAsync(app);
        var inA = await new ReportBuilder { Then = r => r.DivisionId = a }.SaveAsync(app);
        var inB = await new ReportBuilder { Then = r => { r.DivisionId = b; r.Stream = GovernanceStream.PatientExperience; } }.SaveAsync(app);

        var assigned = await BulkAsync(lead, new BulkChange.Command { Action = BulkChange.Assign, OwnerAccountId = owner.Id, Selected = [Selected(inA), Selected(inB)] });
        Assert.Equal(2, assigned.Done.Count);
        var savedA = await SavedReports.LoadAsync(app, inA.Id);
        var savedB = await SavedReports.LoadAsync(app, inB.Id);
        Assert.Equal((owner.Id, (int?)a, inA.Stream), (savedA.OwnerAccountId, savedA.DivisionId, savedA.Stream));
        Assert.Equal((owner.Id, (int?)b, GovernanceStream.PatientExperience), (savedB.OwnerAccountId, savedB.DivisionId, savedB.Stream));

        var routed = await BulkAsync(lead, new BulkChange.Command { Action = BulkChange.Route, DivisionId = b, Selected = [$"{savedA.Id}:{savedA.Version}", $"{savedB.Id}:{savedB.Version}"] });
        Assert.Equal(2, routed.Done.Count);
        savedA = await SavedReports.LoadAsync(app, inA.Id);
        savedB = await SavedReports.LoadAsync(app, inB.Id);
        Assert.Equal((owner.Id, (int?)b, inA.Stream), (savedA.OwnerAccountId, savedA.DivisionId, savedA.Stream));
        Assert.Equal((owner.Id, (int?)b, GovernanceStream.PatientExperience), (savedB.OwnerAccountId, savedB.DivisionId, savedB.Stream));
        Assert.Equal(2, (await AuditAsync(inA.Id)).Count(e => e.Action == "Routed"));
    }

    [Fact]
    public async Task A_lead_acknowledges_from_the_queue_page_and_sees_what_was_done_and_what_was_not()
    {
        var done = await new ReportBuilder { Kind = ReportKind.NearMiss, WhatHappened = "Bulk page one" }.SubmitAsync(app);
        var stale = await new ReportBuilder { Kind = ReportKind.NearMiss, WhatHappened = "Bulk page two" }.SubmitAsync(app);
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        var queuePath = "/triage?Filter.Status=new&Filter.Kind=NearMiss";
        var queue = await lead.GetStringAsync(new Uri(queuePath, UriKind.Relative));
        var boxes = Checkbox().Matches(queue).Select(m => m.Groups[1].Value).ToList();
        var staleBox = boxes.Single(b => b.StartsWith($"{stale.Id}:", StringComparison.Ordinal));
        var doneBox = boxes.Single(b => b.StartsWith($"{done.Id}:", StringComparison.Ordinal));
        var other = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false);
        await SavedReports.ChangeAsync(app, other.Id, stale.Id, new RecordLearning.Command { Learning = "Changed meanwhile" });

        var posted = await PostAsync(lead, "/triage?Filter.Status=new&Filter.Kind=NearMiss&handler=Bulk", queuePath, [("Bulk.Selected", doneBox), ("Bulk.Selected", staleBox), ("Bulk.Action", "acknowledge")]);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/triage?Filter.Status=new&Filter.Kind=NearMiss", posted.Headers.Location!.OriginalString);
        var after = WebUtility.HtmlDecode(await lead.GetStringAsync(posted.Headers.Location));
        Assert.Contains($"Acknowledged: 1 report: {done.Reference}.", after, StringComparison.Ordinal);
        Assert.Contains($"{stale.Reference}: {BulkChange.Changed}", after, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.Acknowledged, (await SavedReports.LoadAsync(app, done.Id)).Status);
        Assert.Equal(ReportStatus.New, (await SavedReports.LoadAsync(app, stale.Id)).Status);
    }

    [Fact]
    public async Task Executives_and_visitors_cannot_make_bulk_changes()
    {
        var report = await new ReportBuilder().SaveAsync(app);
        var executive = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Executive));
        var visitor = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (string, string)[] fields = [("Bulk.Selected", Selected(report)), ("Bulk.Action", "acknowledge")];

        // Refused before the antiforgery check could even answer: the Triage policy covers every handler.
        var byExecutive = await PostAsync(executive, "/triage?handler=Bulk", null, fields);
        var byVisitor = await PostAsync(visitor, "/triage?handler=Bulk", null, fields);

        Assert.Equal(HttpStatusCode.Redirect, byExecutive.StatusCode);
        Assert.StartsWith("http://localhost/account/access-denied", byExecutive.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, byVisitor.StatusCode);
        Assert.Contains("/account/sign-in", byVisitor.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(ReportStatus.New, (await SavedReports.LoadAsync(app, report.Id)).Status);
        Assert.Empty(await AuditAsync(report.Id));
    }

    [Theory]
    [InlineData("", "acknowledge", "Select at least one report")]
    [InlineData("not-a-report", "acknowledge", "A selected report could not be read")]
    [InlineData("12:00000000-0000-0000-0000-00000000000g", "acknowledge", "A selected report could not be read")]
    [InlineData("VALID", "explode", "Choose what to do with the selected reports")]
    [InlineData("VALID", "assign", "Select a governance lead to own the reports")]
    [InlineData("VALID", "route", "Select a stream or a division")]
    public async Task Bad_bulk_input_gets_a_message_on_the_queue_and_changes_nothing(string selected, string action, string message)
    {
        var report = await new ReportBuilder().SaveAsync(app);
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        var fields = new List<(string, string)> { ("Bulk.Action", action) };
        if (selected.Length > 0)
        {
            fields.Add(("Bulk.Selected", selected == "VALID" ? Selected(report) : selected));
        }

        var response = await PostAsync(lead, "/triage?Filter.Status=open&handler=Bulk", "/triage?Filter.Status=open", fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("id=\"queue\"", html, StringComparison.Ordinal);
        Assert.Equal(ReportStatus.New, (await SavedReports.LoadAsync(app, report.Id)).Status);
    }

    [Fact]
    public async Task Unknown_reports_and_tampered_values_are_answered_never_with_a_server_error()
    {
        var report = await new ReportBuilder().SaveAsync(app);
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));

        var unknown = await PostAsync(lead, "/triage?Filter.Status=open&handler=Bulk", "/triage?Filter.Status=open",
            [("Bulk.Selected", $"99999999:{Guid.NewGuid()}"), ("Bulk.Action", "acknowledge")]);
        var unknownPage = WebUtility.HtmlDecode(await lead.GetStringAsync(unknown.Headers.Location));
        var banana = await PostAsync(lead, "/triage?Filter.Status=open&handler=Bulk", "/triage?Filter.Status=open",
            [("Bulk.Selected", Selected(report)), ("Bulk.Action", "route"), ("Bulk.Stream", "Banana"), ("Bulk.DivisionId", "-1")]);
        var sorted = await lead.GetAsync(new Uri("/triage?Filter.Sort=;drop&Filter.Order=sideways&Filter.Harm=Worst&Filter.Page=x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Contains("A selected report: That report does not exist.", unknownPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, banana.StatusCode);
        Assert.Contains("Select a division from the list", WebUtility.HtmlDecode(await banana.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sorted.StatusCode);
        Assert.Equal(ReportStatus.New, (await SavedReports.LoadAsync(app, report.Id)).Status);
    }

    [Fact]
    public async Task The_queue_sorts_by_harm_risk_and_deadline_keeping_the_filters_in_the_links()
    {
        using var own = new FailingWellApp();
        var day = new DateOnly(2030, 1, 10);
        var low = await new ReportBuilder { PhysicalHarm = PhysicalHarm.Low, Kind = ReportKind.NearMiss, Then = r => r.AcknowledgeBy = day }.SaveAsync(own);
        var severe = await new ReportBuilder { PhysicalHarm = PhysicalHarm.Severe, Kind = ReportKind.NearMiss, Then = r => { r.RiskScore = 4; r.RiskRating = RiskRating.Moderate; r.AcknowledgeBy = day.AddDays(1); } }.SaveAsync(own);
        var risky = await new ReportBuilder { PhysicalHarm = PhysicalHarm.None, Kind = ReportKind.NearMiss, Then = r => { r.RiskScore = 20; r.RiskRating = RiskRating.Extreme; r.AcknowledgeBy = day.AddDays(2); } }.SaveAsync(own);
        var lead = await Staff.SignInAsync(own, await Staff.CreateAsync(own, StaffRoles.GovernanceLead));

        async Task<List<string>> OrderAsync(string query)
        {
            var html = await lead.GetStringAsync(new Uri("/triage?Filter.Kind=NearMiss&" + query, UriKind.Relative));
            return [.. new[] { low, severe, risky }.OrderBy(r => html.IndexOf(r.Reference, StringComparison.Ordinal)).Select(r => r.Reference)];
        }

        Assert.Equal([risky.Reference, severe.Reference, low.Reference], await OrderAsync(""));
        Assert.Equal([severe.Reference, low.Reference, risky.Reference], await OrderAsync("Filter.Sort=harm"));
        Assert.Equal([risky.Reference, low.Reference, severe.Reference], await OrderAsync("Filter.Sort=harm&Filter.Order=asc"));
        Assert.Equal([risky.Reference, severe.Reference, low.Reference], await OrderAsync("Filter.Sort=risk"));
        Assert.Equal([low.Reference, severe.Reference, risky.Reference], await OrderAsync("Filter.Sort=deadline")); // soonest first
        var html = WebUtility.HtmlDecode(await lead.GetStringAsync(new Uri("/triage?Filter.Kind=NearMiss&Filter.Sort=harm", UriKind.Relative)));
        Assert.Contains("aria-sort=\"descending\"><a href=\"/triage?Filter.Kind=NearMiss&Filter.Sort=harm&Filter.Order=asc\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/triage?Filter.Kind=NearMiss&Filter.Sort=risk\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_saves_lists_opens_and_deletes_views_that_no_other_lead_sees_or_deletes()
    {
        var owner = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        var other = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        const string view = "/triage?Filter.Kind=NearMiss&Filter.Overdue=true&Filter.Sort=deadline";

        var saved = await PostAsync(owner, view + "&Filter.Page=3&handler=SaveView", view, [("NewView.Name", "  My overdue near misses ")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var queue = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri("/triage?Filter.Status=open", UriKind.Relative)));
        Assert.Contains("<a href=\"/triage?Filter.Kind=NearMiss&Filter.Overdue=true&Filter.Sort=deadline\">My overdue near misses</a>", queue, StringComparison.Ordinal);
        var opened = await owner.GetAsync(new Uri(view, UriKind.Relative));
        Assert.Contains("aria-current=\"true\">My overdue near misses</a>", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var othersQueue = await other.GetStringAsync(new Uri("/triage?Filter.Status=open", UriKind.Relative));
        Assert.DoesNotContain("My overdue near misses", othersQueue, StringComparison.Ordinal);

        int id;
        await using (var scope = app.Scope())
        {
            id = await FailingWellApp.NewDbContext(scope).SavedQueueViews.Where(v => v.Name == "My overdue near misses").Select(v => v.Id).SingleAsync();
        }

        var refused = await PostAsync(other, "/triage?Filter.Status=open&handler=DeleteView", "/triage?Filter.Status=open", [("Delete.ViewId", id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(DeleteView.NotYours, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await PostAsync(owner, "/triage?Filter.Status=open&handler=DeleteView", "/triage?Filter.Status=open", [("Delete.ViewId", "abc")]);
        Assert.Contains(DeleteView.NotYours, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unnamed = await PostAsync(owner, "/triage?Filter.Status=open&handler=SaveView", "/triage?Filter.Status=open", [("NewView.Name", " ")]);
        Assert.Contains("Enter a name for this view", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var deleted = await PostAsync(owner, "/triage?Filter.Status=open&handler=DeleteView", "/triage?Filter.Status=open", [("Delete.ViewId", id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain(">My overdue near misses</a>", await owner.GetStringAsync(new Uri("/triage?Filter.Status=open", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_queue_with_no_filter_brings_back_the_last_one_until_it_is_cleared_and_never_for_another_lead()
    {
        var cookies = new CookieContainer();
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead), cookies);

        await lead.GetStringAsync(new Uri("/triage?Filter.Kind=NearMiss&Filter.Search=slipped", UriKind.Relative));
        var back = await lead.GetAsync(new Uri("/triage", UriKind.Relative));
        var kept = cookies.GetAllCookies().Single(c => c.Name == "FailingWell.Queue");

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/triage?Filter.Kind=NearMiss&Filter.Search=slipped", back.Headers.Location!.OriginalString);
        Assert.DoesNotContain("slipped", kept.Value, StringComparison.Ordinal); // encrypted: a search may hold report words
        Assert.True(kept.HttpOnly);
        Assert.Equal(DateTime.MinValue, kept.Expires); // a session cookie

        var otherCookies = new CookieContainer();
        var other = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead), otherCookies);
        otherCookies.Add(new Uri("http://localhost"), new Cookie(kept.Name, kept.Value, "/"));
        var others = await other.GetAsync(new Uri("/triage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, others.StatusCode); // the other lead's default queue, not this one's filter

        var cleared = await lead.GetAsync(new Uri("/triage?handler=Clear", UriKind.Relative));
        Assert.Equal("/triage", cleared.Headers.Location!.OriginalString);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == "FailingWell.Queue" && c.Value.Length > 0);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
    }
}
