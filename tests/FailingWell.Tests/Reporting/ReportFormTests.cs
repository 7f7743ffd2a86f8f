using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Infrastructure.Data;

namespace FailingWell.Tests.Reporting;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class ReportFormTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    private async Task<int> CountReportsAsync()
    {
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).Reports.CountAsync();
    }

    [Fact]
    public async Task Anonymous_report_gets_a_reference_and_a_receipt_code_shown_once()
    {
        var sent = await new ReportBuilder().PostFormAsync(app, app.CreateClient());

        Assert.Equal(HttpStatusCode.OK, sent.Response.StatusCode);
        Assert.Contains("Report sent", sent.Html, StringComparison.Ordinal);
        Assert.Matches(@"^FW-\d{4}-[0-9A-HJKMNP-TV-Z]{6}$", sent.Reference);
        Assert.Matches("^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$", sent.ReceiptCode);
        Assert.Contains("We will not show it again", sent.Html, StringComparison.Ordinal);

        var report = await SavedReports.LoadAsync(app, sent.Reference!);
        Assert.True(report.IsAnonymous);
        Assert.Null(report.ReporterName);
        Assert.Null(report.ReporterEmail);
        Assert.Equal(ReportKind.Incident, report.Kind);
        Assert.Equal(PhysicalHarm.Low, report.PhysicalHarm);
        Assert.Equal(report.Category!.DefaultStream, report.Stream);
        Assert.NotNull(report.DivisionId);
        Assert.Equal(TimeBand.Night, report.OccurredBand);
    }

    [Fact]
    public async Task References_are_random_in_the_year_and_say_nothing_of_the_order_of_reports()
    {
        var client = app.CreateClient();
        var first = await new ReportBuilder().PostFormAsync(app, client);
        var second = await new ReportBuilder().PostFormAsync(app, client);

        Assert.Equal(first.Reference![..8], second.Reference![..8]); // FW-yyyy-
        Assert.NotEqual(first.Reference, second.Reference);
        Assert.DoesNotMatch(@"^FW-\d{4}-0000\d\d$", first.Reference); // not counted up from one
    }

    [Fact]
    public async Task Missing_answers_get_a_message_at_each_field_and_what_was_typed_stays()
    {
        var before = await CountReportsAsync();
        var answers = new Dictionary<string, string> { ["Input.WhatHappened"] = "Typed <b>before</b> the error", ["Input.When"] = "AnotherDay", ["Input.Day"] = "31", ["Input.Month"] = "2", ["Input.Year"] = "2026" };

        var sent = await ReportBuilder.PostAsync(app.CreateClient(), answers);

        Assert.Equal(HttpStatusCode.OK, sent.Response.StatusCode);
        Assert.Contains("There is a problem", sent.Html, StringComparison.Ordinal);
        foreach (var (field, message) in new[]
        {
            ("Input_Kind", "Select what you want to tell us about"),
            ("Input_Day", "Enter a real date, for example 27 3 2026"),
            ("Input_TimeOfDay", "Select the time of day"),
            ("Input_PersonAffected", "Select who was affected"),
            ("Input_CategoryId", "Select what it is about"),
        })
        {
            Assert.Contains($"href=\"#{field}\">{message}</a>", sent.Html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{field}-error\"", sent.Html, StringComparison.Ordinal);
        }

        Assert.Contains("Typed &lt;b&gt;before&lt;/b&gt; the error</textarea>", sent.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"31\"", sent.Html, StringComparison.Ordinal);
        Assert.Null(sent.ReceiptCode);
        Assert.Equal(before, await CountReportsAsync());
    }

    [Fact]
    public async Task A_date_in_the_future_is_refused()
    {
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));

        var sent = await new ReportBuilder { OccurredOn = tomorrow }.PostFormAsync(app, app.CreateClient());

        Assert.Contains("The date must be today or in the past", sent.Html, StringComparison.Ordinal);
        Assert.Null(sent.ReceiptCode);
    }

    [Fact]
    public async Task Text_over_ten_thousand_characters_is_refused_and_kept()
    {
        var sent = await new ReportBuilder { WhatHappened = new string('x', 10_001) }.PostFormAsync(app, app.CreateClient());

        Assert.Contains("What happened must be 10,000 characters or fewer", sent.Html, StringComparison.Ordinal);
        Assert.Contains(new string('x', 10_001), sent.Html, StringComparison.Ordinal);
        Assert.Null(sent.ReceiptCode);
    }

    [Theory]
    [InlineData("Input.Where", "l:999999", "Select where it happened from the list, or &#x27;Not sure&#x27;")]
    [InlineData("Input.Where", "x:1", "Select where it happened from the list, or &#x27;Not sure&#x27;")]
    [InlineData("Input.CategoryId", "999999", "Select what it is about from the list")]
    [InlineData("Input.StaffGroupId", "999999", "Select your staff group from the list, or &#x27;Prefer not to say&#x27;")]
    [InlineData("Input.Kind", "99", "Select what you want to tell us about")]
    public async Task A_tampered_choice_is_refused_with_a_message(string field, string value, string message)
    {
        var answers = await new ReportBuilder().FormAnswersAsync(app);
        answers[field] = value;

        var sent = await ReportBuilder.PostAsync(app.CreateClient(), answers);

        Assert.Contains(message, sent.Html, StringComparison.Ordinal);
        Assert.Null(sent.ReceiptCode);
    }

    [Fact]
    public async Task A_retired_location_cannot_be_chosen()
    {
        int locationId;
        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            var location = await db.Locations.OrderByDescending(l => l.Id).FirstAsync();
            location.IsRetired = true;
            await db.SaveChangesAsync();
            locationId = location.Id;
        }

        var page = await app.CreateClient().GetStringAsync(new Uri("/report", UriKind.Relative));
        Assert.DoesNotContain($"value=\"l:{locationId}\"", page, StringComparison.Ordinal);
        var sent = await new ReportBuilder { Where = ReportForm.LocationValue(locationId) }.PostFormAsync(app, app.CreateClient());
        Assert.Null(sent.ReceiptCode);
    }

    [Fact]
    public async Task A_missing_antiforgery_token_keeps_the_answers_and_asks_to_send_again()
    {
        var client = app.CreateClient();
        var answers = await new ReportBuilder { WhatHappened = "Kept after a stale form", SubmissionId = Guid.NewGuid() }.FormAnswersAsync(app);
        using var content = new FormUrlEncodedContent(answers);

        var response = await client.PostAsync(new Uri("/report", UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This page was open for too long to send safely", html, StringComparison.Ordinal);
        Assert.Contains("Kept after a stale form</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Report sent", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_the_same_form_twice_saves_one_report()
    {
        var client = app.CreateClient();
        var report = new ReportBuilder { SubmissionId = Guid.NewGuid() };
        var before = await CountReportsAsync();

        var first = await report.PostFormAsync(app, client);
        var again = await report.PostFormAsync(app, client);

        Assert.NotNull(first.ReceiptCode);
        Assert.Contains("We already have this report", again.Html, StringComparison.Ordinal);
        Assert.Equal(first.Reference, again.Reference);
        Assert.Null(again.ReceiptCode);
        Assert.Equal(before + 1, await CountReportsAsync());
    }

    [Fact]
    public async Task Two_presses_of_send_at_the_same_moment_save_one_report()
    {
        var answers = await new ReportBuilder { SubmissionId = Guid.NewGuid() }.FormAnswersAsync(app);
        var before = await CountReportsAsync();

        var both = await Task.WhenAll(ReportBuilder.PostAsync(app.CreateClient(), answers), ReportBuilder.PostAsync(app.CreateClient(), answers));

        Assert.All(both, sent => Assert.Equal(HttpStatusCode.OK, sent.Response.StatusCode));
        Assert.Single(both, sent => sent.ReceiptCode is not null);
        Assert.Equal(before + 1, await CountReportsAsync());
    }

    [Fact]
    public async Task A_named_reporter_is_stored_for_governance_leads_and_told_so()
    {
        var named = new ReportBuilder { ReporterName = "Sam Porter", ReporterEmail = "sam.porter@trust.nhs.uk" };

        var form = await app.CreateClient().GetStringAsync(new Uri("/report", UriKind.Relative));
        var sent = await named.PostFormAsync(app, app.CreateClient());

        Assert.Contains("only governance leads will see your name and email", form, StringComparison.Ordinal);
        var report = await SavedReports.LoadAsync(app, sent.Reference!);
        Assert.False(report.IsAnonymous);
        Assert.Equal("Sam Porter", report.ReporterName);
        Assert.Equal("sam.porter@trust.nhs.uk", report.ReporterEmail);
    }

    [Fact]
    public async Task Giving_a_name_needs_a_name_and_a_real_email()
    {
        var sent = await new ReportBuilder { ReporterEmail = "not an email" }.PostFormAsync(app, app.CreateClient());

        Assert.Contains("Enter your name, or untick", sent.Html, StringComparison.Ordinal);
        Assert.Contains("Enter an email address in the correct format", sent.Html, StringComparison.Ordinal);
        Assert.Null(sent.ReceiptCode);
    }

    [Fact]
    public async Task Good_practice_needs_no_harm_answers()
    {
        var goodPractice = new ReportBuilder { Kind = ReportKind.GoodPractice, PersonAffected = PersonAffected.Nobody, PhysicalHarm = null, PsychologicalHarm = null, Where = "" };

        var sent = await goodPractice.PostFormAsync(app, app.CreateClient());

        Assert.NotNull(sent.ReceiptCode);
        var report = await SavedReports.LoadAsync(app, sent.Reference!);
        Assert.Equal(PhysicalHarm.None, report.PhysicalHarm);
        Assert.Null(report.DivisionId);
        Assert.Null(report.LocationId);
    }

    [Fact]
    public async Task An_incident_must_say_how_much_harm()
    {
        var sent = await new ReportBuilder { PhysicalHarm = null }.PostFormAsync(app, app.CreateClient());

        Assert.Contains("Select how much physical harm there was", sent.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_offers_every_default_category_and_staff_group_and_not_sure()
    {
        var html = await app.CreateClient().GetStringAsync(new Uri("/report", UriKind.Relative));

        foreach (var (name, _) in DefaultReferenceData.Categories)
        {
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(name), html, StringComparison.Ordinal);
        }

        foreach (var (name, _) in DefaultReferenceData.StaffGroups)
        {
            Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(name), html, StringComparison.Ordinal);
        }

        Assert.Contains(">Not sure</option>", html, StringComparison.Ordinal);
        Assert.Contains(">Prefer not to say</option>", html, StringComparison.Ordinal);
    }
}
