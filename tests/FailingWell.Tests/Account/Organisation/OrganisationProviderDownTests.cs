using FailingWell.Web.Features.Account.Organisation;

namespace FailingWell.Tests.Account.Organisation;

/// <summary>A provider that cannot be reached: before the sign-in starts, and between its two halves.</summary>
public sealed class OrganisationProviderDownTests
{
    [Fact]
    public async Task A_provider_that_cannot_be_reached_gets_a_plain_page_not_an_error_or_a_loop()
    {
        var provider = await TestIdentityProvider.StartAsync("http://localhost");
        var settings = provider.Settings;
        await provider.DisposeAsync(); // its port now answers nothing
        using var app = new FailingWellApp();
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        using var browser = new OrganisationBrowser(app);
        var unavailable = OrganisationSignInProblems.PathFor(OrganisationSignInProblems.Unavailable);

        Assert.Equal(unavailable, await browser.SignInAsync());
        var page = await browser.Site.GetAsync(new Uri(unavailable, UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("sign-in service cannot be reached", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_goes_down_before_the_code_is_exchanged_gets_the_same_plain_page()
    {
        var provider = await TestIdentityProvider.StartAsync("http://localhost");
        using var app = new FailingWellApp();
        foreach (var (key, value) in provider.Settings)
        {
            app.With(key, value);
        }

        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false);
        using var browser = new OrganisationBrowser(app);
        provider.SignInNext(TestProviderUser.WithMfa(lead.Email));
        using var stalled = new OrganisationBrowser(app);

        // One sign-in goes all the way (FailingWell now holds the metadata); a second is sent to the provider, which then goes down.
        Assert.Equal("/account/home", await browser.SignInAsync());
        var start = await stalled.Site.GetAsync(new Uri("/account/sign-in/organisation", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var state = System.Web.HttpUtility.ParseQueryString(start.Headers.Location!.Query)["state"]!;
        await provider.DisposeAsync();

        var landed = await stalled.PostCallbackAsync(new Dictionary<string, string> { ["code"] = "a-code", ["state"] = state, ["iss"] = provider.Issuer.ToString() });

        Assert.Equal(OrganisationSignInProblems.PathFor(OrganisationSignInProblems.Unavailable), landed);
    }
}
