using System.Globalization;

namespace FailingWell.Tests.Deploy;

/// <summary>
/// The published site behind the documented chain, TLS terminator → nginx → node, with Debian's real
/// nginx running deploy/nginx.conf (<see cref="Nginx"/>); the test's client stands where the terminator
/// stands, saying in X-Forwarded-For whom the request came from. Decisions 0085 and 0086.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
[Trait(TestKind.Trait, TestKind.RealProcess)]
public sealed class ProxyChainTests
{
    private const string Terminator = "127.0.0.1";

    /// <summary>The node as deploy/README.md says to configure it behind a terminator and nginx.</summary>
    private static Dictionary<string, string> BehindTwoProxies(int reportsPerHour) => new()
    {
        ["Reporting:MaxReportsPerHour"] = reportsPerHour.ToString(CultureInfo.InvariantCulture),
        ["ForwardedHeaders:KnownProxies:0"] = Terminator,
        ["ForwardedHeaders:ForwardLimit"] = "2",
    };

    [Fact]
    public async Task Five_people_reporting_through_the_terminator_and_nginx_are_limited_each_on_their_own_and_a_limited_report_keeps_its_text()
    {
        using var database = new FailingWellApp();
        var report = new ReportBuilder();
        var answers = await report.FormAnswersAsync(database);
        using var node = await SiteProcess.StartPublishedAsync(database, BehindTwoProxies(reportsPerHour: 1));
        using var nginx = await Nginx.StartInFrontOfAsync(node);

        for (var person = 1; person <= 5; person++)
        {
            using var browser = nginx.Browser(client: $"203.0.113.{person}");
            var sent = await ReportBuilder.PostAsync(browser, answers);
            Assert.True(sent.ReceiptCode is not null, $"Person {person}'s report was not taken: {(int)sent.Response.StatusCode}.");
        }

        // The first person again is over their own limit: told so, with what they typed still in the form.
        using var again = nginx.Browser(client: "203.0.113.1");
        var typed = new Dictionary<string, string>(answers) { ["Input.WhatHappened"] = "A second worry, written out in full: the night rota left bay 4 alone." };
        var limited = await ReportBuilder.PostAsync(again, typed);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Response.StatusCode);
        Assert.Null(limited.ReceiptCode);
        Assert.Contains("This report has not been sent", limited.Html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(typed["Input.WhatHappened"]), limited.Html, StringComparison.Ordinal);

        // A sixth person is not held back by the first one's limit.
        using var sixth = nginx.Browser(client: "203.0.113.6");
        Assert.NotNull((await ReportBuilder.PostAsync(sixth, answers)).ReceiptCode);
    }

    [Fact]
    public async Task Behind_nginx_wrong_codes_and_failed_sign_ins_from_rotating_addresses_in_one_IPv6_64_are_limited_as_one_client()
    {
        const string wrongCode = "0000-0000-0000-0000-0000-0000";
        using var database = new FailingWellApp();
        var settings = BehindTwoProxies(reportsPerHour: 5);
        settings["Reporting:MaxWrongCodesPerHour"] = "3";
        settings["Accounts:MaxFailedSignInsPerClientPerHour"] = "3";
        settings["Database:MigrateOnStart"] = "true";
        using var node = await SiteProcess.StartPublishedAsync(database, settings);
        using var nginx = await Nginx.StartInFrontOfAsync(node);

        // A script takes a new address in its /64 for every try (issue 37: 27,784 wrong codes in 40 s, none refused).
        var rotating = new[] { "2001:db8:5:6::1", "2001:db8:5:6:a1b2:c3d4:e5f6:1", "2001:db8:5:6:ffff:ffff:ffff:fffe", "2001:db8:5:6:1234:5678:9abc:def0" };
        var codes = new List<HttpStatusCode>();
        foreach (var address in rotating)
        {
            using var browser = nginx.Browser(client: address);
            codes.Add((await FollowUps.OpenAsync(browser, wrongCode)).Response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        using (var neighbour = nginx.Browser(client: "2001:db8:5:7::1"))
        {
            Assert.Equal(HttpStatusCode.OK, (await FollowUps.OpenAsync(neighbour, wrongCode)).Response.StatusCode);
        }

        // Failed sign-ins naming a different account each time, from the same rotating /64.
        var signIns = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var browser = nginx.Browser(client: $"2001:db8:9:9::{i + 1:x}");
            await browser.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
            signIns.Add((await Staff.PostSignInAsync(browser, $"someone{i}@trust.nhs.uk", "not the password")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], signIns);
    }

    [Fact]
    public async Task Configured_proxies_replace_the_loopback_default_so_a_local_process_cannot_claim_to_be_other_clients()
    {
        using var database = new FailingWellApp();
        var answers = await new ReportBuilder().FormAnswersAsync(database);
        using var node = await SiteProcess.StartPublishedAsync(database, new Dictionary<string, string>
        {
            ["Reporting:MaxReportsPerHour"] = "1",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.20.0.0/16",
            ["ForwardedHeaders:ForwardLimit"] = "2",
        });

        // Straight to the node from loopback, which is no longer a known proxy: its claims are ignored,
        // so all of these are one client.
        using var first = node.Browser();
        first.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.1");
        Assert.NotNull((await ReportBuilder.PostAsync(first, answers)).ReceiptCode);
        using var second = node.Browser();
        second.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.2");
        var claimed = await ReportBuilder.PostAsync(second, answers);

        Assert.Equal(HttpStatusCode.TooManyRequests, claimed.Response.StatusCode);
    }

    [Fact]
    public async Task A_request_for_another_host_is_dropped_by_nginx_and_refused_by_the_node_never_redirected_there()
    {
        using var database = new FailingWellApp();
        using var node = await SiteProcess.StartPublishedAsync(database, BehindTwoProxies(reportsPerHour: 5));
        using var nginx = await Nginx.StartInFrontOfAsync(node);

        // The site's own host passes through nginx (a staff page redirects to sign-in, on this host).
        using var browser = nginx.Browser(client: "203.0.113.9");
        var own = await browser.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.DoesNotContain("evil.example", own.Headers.Location!.ToString(), StringComparison.Ordinal);

        // nginx's default server closes the connection with no answer (444).
        using var evilThroughNginx = nginx.Browser(client: "203.0.113.9");
        evilThroughNginx.DefaultRequestHeaders.Host = "evil.example";
        await Assert.ThrowsAsync<HttpRequestException>(() => evilThroughNginx.GetAsync(new Uri("/admin", UriKind.Relative)));

        // A node reached some other way answers 400, with no Location at all.
        foreach (var host in new[] { "evil.example", "evil.example:443" })
        {
            using var evil = node.Browser();
            evil.DefaultRequestHeaders.Host = host;
            var refused = await evil.GetAsync(new Uri("/admin", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Null(refused.Headers.Location);
        }

        // X-Forwarded-Host from a known proxy is believed only for an allowed host.
        using var viaNode = node.Browser();
        viaNode.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        viaNode.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        var ignored = await viaNode.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.DoesNotContain("evil.example", ignored.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }
}
