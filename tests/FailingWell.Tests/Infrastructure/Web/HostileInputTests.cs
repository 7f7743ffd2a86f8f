using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FailingWell.Tests.Infrastructure.Web;

/// <summary>No input gives a server error: refused posts get a page in the site's style, and nothing is stored.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class HostileInputTests
{
    private static FailingWellApp OpenApp() => new FailingWellApp()
        .With("Reporting:MaxReportsPerHour", "100000")
        .With("Reporting:MaxWrongCodesPerHour", "100000")
        .With("Reporting:MaxCodeAttemptsPerHour", "100000");

    [Fact]
    public async Task Two_thousand_random_malformed_and_hostile_posts_to_the_anonymous_and_sign_in_forms_get_no_server_error_and_store_nothing_refused()
    {
        using var app = OpenApp();
        var before = await ReportsAsync(app);

        var outcome = await new FormFuzzer(() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), seed: 2013)
            .RunAsync(["/report", "/report/follow-up", "/account/sign-in"], posts: 2000, limit: TimeSpan.FromMinutes(4));

        Assert.Equal(2000, outcome.Posts);
        Assert.True(outcome.ServerErrors == 0, $"{outcome.ServerErrors} server errors: {string.Join("; ", outcome.ServerErrorSamples)}");
        Assert.True(outcome.ByStatus.Keys.Count(k => k is 400 or 415 or 413) >= 2, string.Join(", ", outcome.ByStatus.Select(s => $"{s.Key}: {s.Value}")));
        Assert.Equal(before + outcome.ReceiptsShown, await ReportsAsync(app)); // a report exists only where its receipt was shown
    }

    [Theory]
    [InlineData("text/plain", "Input.WhatHappened=hello", 415)]
    [InlineData("application/json", "{\"Input.WhatHappened\": \"hello\"}", 415)]
    [InlineData("multipart/form-data; boundary=expected", "--wrong\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--wro", 400)]
    public async Task A_body_that_is_not_a_readable_form_gets_the_sites_own_page_and_no_stack_trace(string contentType, string body, int expected)
    {
        using var app = OpenApp();
        var client = app.CreateClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await client.PostAsync(new Uri("/report", UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Contains("Sorry, there is a problem with that request", html, StringComparison.Ordinal);
        Assert.Contains("nhsuk-header", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/report")]
    [InlineData("/account/sign-in")]
    public async Task A_field_name_with_an_unclosed_bracket_gets_an_answer_not_a_server_error(string path)
    {
        using var app = OpenApp();
        var response = await Forms.PostAsync(app.CreateClient(), path, new Dictionary<string, string> { ["\u001b[31m"] = "x", ["Input[Kind"] = "y" });

        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_report_far_larger_than_any_form_is_refused_before_it_is_read()
    {
        using var app = OpenApp();
        var answers = await new ReportBuilder { WhatHappened = new string('a', 400_000) }.FormAnswersAsync(app);

        var sent = await ReportBuilder.PostAsync(app.CreateClient(), answers);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sent.Response.StatusCode);
        Assert.Equal(0, await ReportsAsync(app));
    }

    [Fact]
    public async Task A_null_or_control_character_is_taken_out_with_a_message_at_the_field_and_everything_else_kept()
    {
        using var app = OpenApp();
        var client = app.CreateClient();
        var answers = await new ReportBuilder { WhatHappened = "The pump\0 alarmed\u001b twice" }.FormAnswersAsync(app);

        var refused = await ReportBuilder.PostAsync(client, answers);

        Assert.Equal(HttpStatusCode.OK, refused.Response.StatusCode);
        Assert.Null(refused.ReceiptCode);
        Assert.Contains("hidden character we cannot keep", refused.Html, StringComparison.Ordinal);
        Assert.Contains("The pump alarmed twice", refused.Html, StringComparison.Ordinal); // cleaned, and kept for them to check
        Assert.Equal(0, await ReportsAsync(app));

        answers["Input.WhatHappened"] = "The pump alarmed twice";
        Assert.NotNull((await ReportBuilder.PostAsync(client, answers)).ReceiptCode);
    }

    [Fact]
    public async Task Direction_overrides_and_invisible_characters_never_reach_the_stored_text()
    {
        using var app = OpenApp();
        var answers = await new ReportBuilder { WhatHappened = "Dose given: 1\u202E0\u202C mg, \u200Bchecked\u2066 twice\u2069\uFEFF" }.FormAnswersAsync(app);

        var sent = await ReportBuilder.PostAsync(app.CreateClient(), answers);

        Assert.NotNull(sent.ReceiptCode);
        var report = await SavedReports.LoadAsync(app, sent.Reference!);
        Assert.Equal("Dose given: 10 mg, checked twice", report.WhatHappened);
    }

    private static async Task<int> ReportsAsync(FailingWellApp app)
    {
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).Reports.CountAsync();
    }
}
