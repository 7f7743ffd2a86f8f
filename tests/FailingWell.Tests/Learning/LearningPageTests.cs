using FailingWell.Web.Features.Learning;
using Microsoft.AspNetCore.Mvc.Testing;
using static FailingWell.Tests.Learning.LearningSupport;

namespace FailingWell.Tests.Learning;

/// <summary>The learning pages over HTTP: who may read, who may change, validation beside fields, the reporter's view.</summary>
public sealed class LearningPageTests : IClassFixture<FailingWellApp>
{
    private readonly FailingWellApp _app;

    public LearningPageTests(FailingWellApp app) => _app = app;

    private static Uri At(string path) => new(path, UriKind.Relative);

    private async Task<(int ReportId, int ResponseId, Staff.Account Lead)> ResponseAsync()
    {
        var lead = await Staff.CreateAsync(_app, StaffRoles.GovernanceLead);
        var report = await new ReportBuilder { Category = "Falls", PhysicalHarm = PhysicalHarm.Moderate }.SubmitAsync(_app);
        var id = await StartAsync(_app, lead.Id, report.Id, LearningResponseType.AfterActionReview, title: "PageTitle: falls");
        return (report.Id, id, lead);
    }

    [Fact]
    public async Task Visitors_without_an_account_are_sent_to_sign_in()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var path in new[] { "/learning", "/learning/1", "/learning/actions/1", "/learning/new/1", "/learning/thematic", "/admin/response-plan" })
        {
            var response = await client.GetAsync(At(path));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Executives_read_responses_and_the_plan_but_cannot_start_change_or_save_anything()
    {
        var (reportId, id, lead) = await ResponseAsync();
        var executive = await Staff.SignInAsync(_app, await Staff.CreateAsync(_app, StaffRoles.Executive));

        foreach (var path in new[] { "/learning", $"/learning/{id}", "/admin/response-plan" })
        {
            var page = await executive.GetAsync(At(path));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Save the record", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Save as a new version", html, StringComparison.Ordinal);
        }

        Assert.Contains("PageTitle: falls", await executive.GetStringAsync(At($"/learning/{id}")), StringComparison.Ordinal);
        foreach (var path in new[] { $"/learning/new/{reportId}", "/learning/thematic" })
        {
            Assert.StartsWith("http://localhost/account/access-denied", (await executive.GetAsync(At(path))).Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // A post made by hand (the page offers no form) is refused too, and nothing changes.
        var record = await Forms.PostAsync(executive, $"/learning/{id}?handler=Record", new Dictionary<string, string> { ["Record.Findings"] = "ExecutiveWrote" }, tokenFrom: "/report");
        var plan = await Forms.PostAsync(executive, "/admin/response-plan", new Dictionary<string, string> { ["Plan.ChangeNote"] = "Executive change" }, tokenFrom: "/report");
        Assert.StartsWith("http://localhost/account/access-denied", record.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/account/access-denied", plan.Headers.Location!.ToString(), StringComparison.Ordinal);
        await using var scope = _app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        Assert.Null(await db.LearningResponses.Where(r => r.Id == id).Select(r => r.Findings).SingleAsync());
        Assert.False(await db.ResponsePlanVersions.AnyAsync(v => v.ChangeNote == "Executive change"));
        _ = lead;
    }

    [Fact]
    public async Task Leads_read_the_plan_only_admins_save_a_new_version_of_it()
    {
        var lead = await Staff.SignInAsync(_app, await Staff.CreateAsync(_app, StaffRoles.GovernanceLead));
        var admin = await Staff.SignInAsync(_app, await Staff.CreateAsync(_app, StaffRoles.Admin, name: "Plan Admin"));
        var fields = new Dictionary<string, string>
        {
            ["Plan.Priorities[0].Category"] = "Falls", ["Plan.Priorities[0].MinimumHarm"] = "Moderate", ["Plan.Priorities[0].Response"] = "AfterActionReview",
            ["Plan.Priorities[1].Theme"] = "sepsis", ["Plan.Priorities[1].Response"] = "SwarmHuddle",
            ["Plan.ChangeNote"] = "Sepsis huddles added",
        };

        var leadPage = await lead.GetStringAsync(At("/admin/response-plan"));
        var refused = await Forms.PostAsync(lead, "/admin/response-plan", fields, tokenFrom: "/report");
        var saved = await Forms.PostAsync(admin, "/admin/response-plan", fields);
        var invalid = await Forms.PostAsync(admin, "/admin/response-plan", new Dictionary<string, string> { ["Plan.Priorities[0].Category"] = "Falls", ["Plan.ChangeNote"] = "" });

        Assert.Contains("Never Event", leadPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Save as a new version", leadPage, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/account/access-denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await admin.GetStringAsync(At("/admin/response-plan"));
        Assert.Contains("Sepsis huddles added", after, StringComparison.Ordinal);
        Assert.Contains("theme &quot;sepsis&quot;", await lead.GetStringAsync(At("/admin/response-plan")), StringComparison.Ordinal);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("id=\"Plan_ChangeNote-error\"", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Plan_Priorities[0]_Response-error\"", invalidHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_starts_a_response_from_the_report_page_with_the_plans_proposal_and_an_override_needs_a_reason_beside_the_field()
    {
        var lead = await Staff.SignInAsync(_app, await Staff.CreateAsync(_app, StaffRoles.GovernanceLead));
        var report = await new ReportBuilder { Category = "Falls", PhysicalHarm = PhysicalHarm.Severe }.SubmitAsync(_app);

        var reportPage = await lead.GetStringAsync(At($"/triage/reports/{report.Id}"));
        var start = await lead.GetStringAsync(At($"/learning/new/{report.Id}"));
        var neverEvent = await lead.GetStringAsync(At($"/learning/new/{report.Id}?Trigger=NeverEvent"));
        var refused = await Forms.PostAsync(lead, $"/learning/new/{report.Id}", new Dictionary<string, string> { ["Start.Type"] = "SwarmHuddle", ["Start.Title"] = "Fall" });
        var started = await Forms.PostAsync(lead, $"/learning/new/{report.Id}", new Dictionary<string, string> { ["Start.Type"] = "AfterActionReview", ["Start.Title"] = "Fall with fracture" });

        Assert.Contains($"href=\"/learning/new/{report.Id}\"", reportPage, StringComparison.Ordinal);
        Assert.Contains("<strong>After action review</strong>", start, StringComparison.Ordinal);
        Assert.Contains("<strong>Patient safety incident investigation (PSII)</strong>", neverEvent, StringComparison.Ordinal);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-form-group nhsuk-form-group--error", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Start_Reason-error\"", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var responsePath = started.Headers.Location!.OriginalString;
        Assert.Matches("^/learning/[0-9]+$", responsePath);
        var responsePage = await lead.GetStringAsync(At(responsePath));
        Assert.Contains("The lead accepted it.", responsePage, StringComparison.Ordinal);
        Assert.Contains("Fall with fracture", await lead.GetStringAsync(At($"/triage/reports/{report.Id}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_an_aar_over_http_shows_each_missing_answer_beside_its_field()
    {
        var (_, id, account) = await ResponseAsync();
        var lead = await Staff.SignInAsync(_app, account);

        var response = await Forms.PostAsync(lead, $"/learning/{id}?handler=Record", new Dictionary<string, string> { ["Record.Complete"] = "true", ["Record.AarExpected"] = "Help given" }, tokenFrom: $"/learning/{id}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "Findings", "AarActual", "AarWhyDifferent", "AarLearned" })
        {
            Assert.Contains($"id=\"Record_{field}-error\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("id=\"Record_AarExpected-error\"", html, StringComparison.Ordinal);
        Assert.Contains(">Help given</textarea>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reporter_sees_the_shared_summary_with_their_receipt_code_and_nothing_before()
    {
        var lead = await Staff.CreateAsync(_app, StaffRoles.GovernanceLead, withTwoFactor: false);
        var report = await new ReportBuilder { Category = "Falls", PhysicalHarm = PhysicalHarm.Moderate }.SubmitAsync(_app);
        var id = await StartAsync(_app, lead.Id, report.Id, LearningResponseType.AfterActionReview);
        await CompleteAarAsync(_app, lead.Id, id, findings: "FindingsNotForReporter");

        var before = await FollowUps.OpenAsync(_app.CreateClient(), report.ReceiptCode!);
        await SendAsync(_app, lead.Id, new ShareSummary.Command { Summary = "SharedSummary: bell cords now reach every bathroom" }, id);
        var after = await FollowUps.OpenAsync(_app.CreateClient(), report.ReceiptCode!);

        Assert.DoesNotContain("SharedSummary", before.Html, StringComparison.Ordinal);
        Assert.Contains("What we learned from looking into it", after.Html, StringComparison.Ordinal);
        Assert.Contains("SharedSummary: bell cords now reach every bathroom", after.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("FindingsNotForReporter", after.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_safety_actions_page_draws_its_measure_on_an_spc_chart()
    {
        var (reportId, id, account) = await ResponseAsync();
        var lead = await Staff.SignInAsync(_app, account);
        int fallsId;
        await using (var scope = _app.Scope())
        {
            fallsId = await FailingWellApp.NewDbContext(scope).Categories.Where(c => c.Name == "Falls").Select(c => c.Id).SingleAsync();
        }

        var due = DateTime.UtcNow.AddMonths(2);
        var added = await Forms.PostAsync(lead, $"/learning/{id}?handler=Action", new Dictionary<string, string>
        {
            ["NewAction.Description"] = "Chart action", ["NewAction.OwnerAccountId"] = account.Id, ["NewAction.DueDay"] = $"{due.Day}",
            ["NewAction.DueMonth"] = $"{due.Month}", ["NewAction.DueYear"] = $"{due.Year}", ["NewAction.MeasureCategoryId"] = $"{fallsId}", ["NewAction.ExpectedDirection"] = "Fall",
        }, tokenFrom: $"/learning/{id}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await lead.GetStringAsync(At($"/learning/{id}"));
        var actionId = System.Text.RegularExpressions.Regex.Match(page, "href=\"/learning/actions/([0-9]+)\"").Groups[1].Value;

        var action = await lead.GetStringAsync(At($"/learning/actions/{actionId}"));

        Assert.Contains("<svg class=\"fw-spc\"", action, StringComparison.Ordinal);
        Assert.Contains("Reports of falls, monthly, expected to fall", action, StringComparison.Ordinal);
        _ = reportId;
    }
}
