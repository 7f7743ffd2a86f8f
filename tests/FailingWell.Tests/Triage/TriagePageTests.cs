using System.Text.RegularExpressions;
using FailingWell.Web.Infrastructure.Mediation;

namespace FailingWell.Tests.Triage;

/// <summary>The queue's filters and the report page's forms, over HTTP as a lead uses them.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed partial class TriagePageTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    private static string Field(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string page, IDictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Field(page, "__RequestVerificationToken") };
        if (form["__RequestVerificationToken"].Length == 0)
        {
            form["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        }

        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Theory]
    [InlineData(StaffRoles.GovernanceLead, "/triage")]
    [InlineData(StaffRoles.Admin, "/admin/audit")]
    public async Task A_first_look_at_a_filtered_list_with_no_filter_in_the_address_shows_no_error(string role, string path)
    {
        // The route value "page" once bound into the filter's Page when the address had no filter.
        var staff = await Staff.SignInAsync(app, await Staff.CreateAsync(app, role));

        using var response = await staff.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("There is a problem", html, StringComparison.Ordinal);
        Assert.DoesNotContain("nhsuk-error-message", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_reporters_details_are_labelled_as_given_by_the_reporter_and_not_checked()
    {
        var named = await new ReportBuilder { ReporterName = "Sam Claimed", ReporterEmail = "sam.claimed@trust.nhs.uk" }.SubmitAsync(app);
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));

        var page = WebUtility.HtmlDecode(await lead.GetStringAsync(new Uri($"/triage/reports/{named.Id}", UriKind.Relative)));

        Assert.Contains("Sam Claimed, sam.claimed@trust.nhs.uk", page, StringComparison.Ordinal);
        Assert.Contains("Given by the reporter, not checked", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_leads_on_the_same_report_the_second_sees_a_conflict_with_the_current_state()
    {
        var report = await new ReportBuilder().SubmitAsync(app);
        var first = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        var second = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        var path = $"/triage/reports/{report.Id}";
        var firstPage = await first.GetStringAsync(new Uri(path, UriKind.Relative));
        var secondPage = await second.GetStringAsync(new Uri(path, UriKind.Relative));

        var closed = await PostFormAsync(first, path + "?handler=Close", firstPage, new Dictionary<string, string>
        {
            ["Close.Version"] = Field(firstPage, "Close.Version"), ["Close.Outcome"] = "Closed by the first lead",
        });
        var late = await PostFormAsync(second, path + "?handler=Learning", secondPage, new Dictionary<string, string>
        {
            ["Learning.Version"] = Field(secondPage, "Learning.Version"), ["Learning.Learning"] = "Typed by the second lead",
        });
        var html = await late.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(ConcurrencyConflict.Message), html, StringComparison.Ordinal);
        Assert.Contains("Closed by the first lead", html, StringComparison.Ordinal); // the current state
        Assert.Contains("Typed by the second lead", html, StringComparison.Ordinal); // nothing typed is lost
        var saved = await SavedReports.LoadAsync(app, report.Id);
        Assert.Equal(ReportStatus.Closed, saved.Status);
        Assert.Null(saved.Learning);
    }

    [Fact]
    public async Task A_refused_form_answers_at_the_field_with_the_page_intact()
    {
        var report = await new ReportBuilder().SubmitAsync(app);
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        var path = $"/triage/reports/{report.Id}";
        var page = await lead.GetStringAsync(new Uri(path, UriKind.Relative));

        var response = await PostFormAsync(lead, path + "?handler=Action", page, new Dictionary<string, string>
        {
            ["NewAction.Version"] = Field(page, "NewAction.Version"), ["NewAction.Description"] = "Kept description",
            ["NewAction.DueDay"] = "31", ["NewAction.DueMonth"] = "2", ["NewAction.DueYear"] = "2030",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#NewAction_OwnerAccountId\">Select who will do it</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#NewAction_DueDay\">Enter a real due date", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Kept description\"", html, StringComparison.Ordinal);
        Assert.Contains(report.Reference, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_filters_flags_overdue_and_pages()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var timed = new FailingWellApp { Clock = clock };
        var severe = await new ReportBuilder { PhysicalHarm = PhysicalHarm.Severe, Kind = ReportKind.Incident }.SubmitAsync(timed);
        var named = await new ReportBuilder { Kind = ReportKind.NearMiss, PhysicalHarm = null, ReporterName = "N", ReporterEmail = "n@trust.nhs.uk" }.SubmitAsync(timed);
        for (var i = 0; i < 26; i++)
        {
            await new ReportBuilder { Kind = ReportKind.GoodPractice }.SubmitAsync(timed);
        }

        clock.Advance(TimeSpan.FromDays(8));
        var lead = await Staff.SignInAsync(timed, await Staff.CreateAsync(timed, StaffRoles.GovernanceLead));

        async Task<string> QueueAsync(string query) => await lead.GetStringAsync(new Uri("/triage?" + query, UriKind.Relative));

        var escalated = await QueueAsync("Filter.Escalated=true");
        Assert.Contains(severe.Reference, escalated, StringComparison.Ordinal);
        Assert.DoesNotContain(named.Reference, escalated, StringComparison.Ordinal);
        var nearMisses = await QueueAsync("Filter.Kind=NearMiss&Filter.Anonymous=no");
        Assert.Contains(named.Reference, nearMisses, StringComparison.Ordinal);
        Assert.Contains("1 report<", nearMisses, StringComparison.Ordinal);
        var overdue = await QueueAsync("Filter.Overdue=true");
        Assert.Contains("Acknowledgement overdue", overdue, StringComparison.Ordinal);
        Assert.Contains("28 reports", overdue, StringComparison.Ordinal);
        var firstPage = await QueueAsync("Filter.Status=open"); // an empty query would bring back the filter last used
        Assert.Contains("Page 2 of 2", firstPage, StringComparison.Ordinal);
        Assert.DoesNotContain(severe.Reference, firstPage, StringComparison.Ordinal); // newest first: the oldest is on page 2
        Assert.Contains(severe.Reference, await QueueAsync("Filter.Page=2"), StringComparison.Ordinal);
        Assert.Contains(severe.Reference, await QueueAsync("Filter.Search=" + severe.Reference.ToLowerInvariant()), StringComparison.Ordinal);
    }
}
