using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FailingWell.Tests.Account;

/// <summary>
/// ASVS level 2: a session ends on the server. Sign-out refuses a copied cookie, an admin can sign
/// an account out everywhere, and no session outlives 12 hours from its sign-in.
/// </summary>
public sealed class SessionTests
{
    private static readonly Uri Site = new("http://localhost");

    /// <summary>A second browser that sends exactly the cookies it is given, as a stolen copy would be sent.</summary>
    private static async Task<HttpResponseMessage> ReplayAsync(FailingWellApp app, string cookies, string path)
    {
        var thief = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookies);
        return await thief.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SignOutAsync(HttpClient client) =>
        Forms.PostAsync(client, "/account/sign-out", new Dictionary<string, string>(), tokenFrom: "/report");

    /// <summary>Posts the sign-out form on <paramref name="page"/> with exactly the fields that form holds, as a browser does.</summary>
    private static async Task<HttpResponseMessage> PostSignOutFormAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var form = Regex.Match(html, "<form method=\"post\" action=\"/account/sign-out\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, $"{page} has no sign-out form");
        var fields = Regex.Matches(form.Groups[1].Value, "<input name=\"([^\"]+)\" type=\"hidden\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), content);
    }

    [Fact]
    public async Task The_header_sign_out_button_ends_the_session()
    {
        using var app = new FailingWellApp();
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));

        var signedOut = await PostSignOutFormAsync(lead, "/triage");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        AssertSentToSignIn(await lead.GetAsync(new Uri("/triage", UriKind.Relative)));
        Assert.Contains("You have signed out", await lead.GetStringAsync(new Uri("/account/sign-out", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_sign_out_address_does_not_claim_a_sign_out_it_did_not_do_and_offers_the_button()
    {
        using var app = new FailingWellApp();
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));

        var page = await lead.GetStringAsync(new Uri("/account/sign-out", UriKind.Relative));

        Assert.DoesNotContain("You have signed out", page, StringComparison.Ordinal);
        Assert.Contains("You are still signed in", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
        var pageWithoutHeader = page[page.IndexOf("<main", StringComparison.Ordinal)..];
        Assert.Contains("action=\"/account/sign-out\"", pageWithoutHeader, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostSignOutFormAsync(lead, "/account/sign-out")).StatusCode);
        AssertSentToSignIn(await lead.GetAsync(new Uri("/triage", UriKind.Relative)));
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it_and_so_is_every_other_session_of_the_account()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var app = new FailingWellApp { Clock = clock };
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var cookies = new CookieContainer();
        var browser = await Staff.SignInAsync(app, lead, cookies);
        clock.Advance(TimeSpan.FromSeconds(30)); // a code works once: the next one, on another computer
        var otherComputer = await Staff.SignInAsync(app, lead, new CookieContainer());
        var copy = cookies.GetCookieHeader(Site);
        Assert.Contains("FailingWell.Auth=", copy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(app, copy, "/triage")).StatusCode);

        var signedOut = await SignOutAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        AssertSentToSignIn(await ReplayAsync(app, copy, "/triage"));
        AssertSentToSignIn(await ReplayAsync(app, copy, "/digests"));
        AssertSentToSignIn(await browser.GetAsync(new Uri("/triage", UriKind.Relative)));
        AssertSentToSignIn(await otherComputer.GetAsync(new Uri("/triage", UriKind.Relative)));
    }

    [Fact]
    public async Task After_signing_out_the_account_signs_in_again_as_usual()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)) };
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        await SignOutAsync(await Staff.SignInAsync(app, lead));
        ((MovableClock)app.Clock).Advance(TimeSpan.FromSeconds(30)); // the next authenticator code

        var again = await Staff.SignInAsync(app, lead);

        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_admin_signs_an_account_out_everywhere_and_the_audit_log_says_so()
    {
        using var app = new FailingWellApp();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, name: "Everywhere Lead");
        var cookies = new CookieContainer();
        var leadBrowser = await Staff.SignInAsync(app, lead, cookies);
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        Assert.Equal(HttpStatusCode.OK, (await leadBrowser.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);

        var ended = await Forms.PostAsync(admin, "/admin/people?handler=EndSessions", new Dictionary<string, string> { ["AccountId"] = lead.Id });

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        AssertSentToSignIn(await leadBrowser.GetAsync(new Uri("/triage", UriKind.Relative)));
        AssertSentToSignIn(await ReplayAsync(app, cookies.GetCookieHeader(Site), "/triage"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/admin/people", UriKind.Relative))).StatusCode);
        await using var scope = app.Scope();
        Assert.Contains($"Signed {lead.Email} out everywhere", await FailingWellApp.NewDbContext(scope).AuditEntries.Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_session_in_use_every_hour_still_ends_twelve_hours_after_its_sign_in()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
        using var app = new FailingWellApp { Clock = clock };
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var cookies = new CookieContainer();
        var browser = await Staff.SignInAsync(app, lead, cookies);

        // Busy all day: past the 8-hour sliding expiry, renewed each hour.
        for (var hour = 1; hour <= 11; hour++)
        {
            clock.Advance(TimeSpan.FromHours(1));
            Assert.True((await browser.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode == HttpStatusCode.OK, $"refused after {hour} h");
        }

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
        var renewed = cookies.GetCookieHeader(Site);
        clock.Advance(TimeSpan.FromMinutes(1));

        AssertSentToSignIn(await browser.GetAsync(new Uri("/triage", UriKind.Relative)));
        AssertSentToSignIn(await ReplayAsync(app, renewed, "/triage"));
    }
}
