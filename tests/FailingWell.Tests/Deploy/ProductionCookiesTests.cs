using FailingWell.Web.Infrastructure.Web;

namespace FailingWell.Tests.Deploy;

/// <summary>Production's cookies are Secure and host-only whatever the proxy says (docs/decisions/0056).</summary>
public sealed class ProductionCookiesTests
{
    private static void AssertSecureAndHostOnly(string setCookie)
    {
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim()).ToList();
        Assert.True(setCookie.StartsWith(ProductionExtensions.HostOnlyPrefix, StringComparison.Ordinal), setCookie);
        Assert.True(attributes.Contains("secure", StringComparer.OrdinalIgnoreCase), setCookie);
        Assert.True(attributes.Contains("path=/", StringComparer.OrdinalIgnoreCase), setCookie);
        Assert.False(attributes.Any(a => a.StartsWith("domain=", StringComparison.OrdinalIgnoreCase)), setCookie);
    }

    [Fact]
    public async Task Behind_a_proxy_that_forwards_plain_http_the_antiforgery_and_sign_in_cookies_are_still_Secure_and_host_only()
    {
        using var app = new ProductionApp { ClientAddress = IPAddress.Loopback }.With("Site:BaseUrl", "https://failingwell.example");
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        // Plain http to the node and no X-Forwarded-Proto: a proxy that says nothing of TLS.
        var browser = app.CreateDefaultClient(new Uri("http://failingwell.example"), new TlsFrontCookies());

        var form = await browser.GetAsync(new Uri("/report", UriKind.Relative));
        var password = await Staff.PostSignInAsync(browser, lead.Email);
        var code = await Forms.PostAsync(browser, "/account/sign-in/code", new Dictionary<string, string> { ["Input.Code"] = Staff.CodeFor(lead) });

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-FailingWell.Antiforgery=", antiforgery, StringComparison.Ordinal);
        AssertSecureAndHostOnly(antiforgery);
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        var signIn = password.Headers.GetValues("Set-Cookie").Concat(code.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(signIn, c => c.StartsWith("__Host-FailingWell.Auth=", StringComparison.Ordinal));
        Assert.All(signIn, AssertSecureAndHostOnly);
    }
}
