using System.Text.RegularExpressions;
using FailingWell.Web.Infrastructure.Data;

namespace FailingWell.Tests.Deploy;

/// <summary>
/// Two real web nodes (processes, Production) on one PostgreSQL database, and one browser whose
/// requests land on either, as behind the round-robin proxy in deploy/: what one node hands out,
/// the other accepts, because the key ring, the receipts and the sessions are all in the database.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.PostgreSqlOnly)]
[Trait(TestKind.Trait, TestKind.RealProcess)]
public sealed partial class TwoNodesTests
{
    private static readonly Dictionary<string, string> Busy = new()
    {
        ["Reporting:MaxReportsPerHour"] = "1000",
        ["Reporting:MaxCodeAttemptsPerHour"] = "1000",
        ["Deployment:Nodes"] = "2",
    };

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>GETs the form from one node and POSTs it, with that page's token, to the other.</summary>
    private static async Task<HttpResponseMessage> PostAcrossAsync(HttpClient renders, HttpClient receives, string path, IDictionary<string, string> fields)
    {
        var page = await renders.GetStringAsync(new Uri(path, UriKind.Relative));
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value) };
        using var content = new FormUrlEncodedContent(form);
        return await receives.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    [Fact]
    public async Task A_report_form_from_one_node_posts_to_the_other_and_the_receipt_it_shows_opens_on_both()
    {
        using var setup = new FailingWellApp();
        Assert.Equal(DatabaseProvider.PostgreSql, setup.Provider);
        var answers = await new ReportBuilder().FormAnswersAsync(setup);
        using var first = await SiteProcess.StartAsync(setup, Busy);
        using var second = await SiteProcess.StartAsync(setup, Busy);
        var cookies = new CookieContainer();
        using var toFirst = first.Browser(cookies);
        using var toSecond = second.Browser(cookies);

        var sent = await ReportBuilder.ReadAsync(await PostAcrossAsync(toFirst, toSecond, "/report", answers));

        Assert.NotNull(sent.ReceiptCode);
        foreach (var node in new[] { first, second })
        {
            using var reporter = node.Browser();
            var page = await FollowUps.OpenAsync(reporter, sent.ReceiptCode!);
            Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
            Assert.Contains(sent.Reference!, page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_sign_in_begun_on_one_node_finishes_on_the_other_and_opens_staff_pages_on_both()
    {
        using var setup = new FailingWellApp();
        var lead = await Staff.CreateAsync(setup, StaffRoles.GovernanceLead, name: "Two Node Lead");
        using var first = await SiteProcess.StartAsync(setup, Busy);
        using var second = await SiteProcess.StartAsync(setup, Busy);
        var cookies = new CookieContainer();
        using var toFirst = first.Browser(cookies);
        using var toSecond = second.Browser(cookies);

        var password = await PostAcrossAsync(toFirst, toSecond, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = lead.Email, ["Input.Password"] = Staff.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var code = await PostAcrossAsync(toSecond, toFirst, "/account/sign-in/code", new Dictionary<string, string> { ["Input.Code"] = Staff.CodeFor(lead) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);

        foreach (var browser in new[] { toFirst, toSecond })
        {
            var queue = await browser.GetAsync(new Uri("/triage", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
            Assert.Contains("Sign out", await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var stranger = second.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
    }
}
