using FailingWell.Web.Features.Account.Organisation;
using FailingWell.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Tests.Account.Organisation;

/// <summary>
/// Signing in with an organisation account through a real OpenID Connect provider (OpenIddict on
/// loopback), driven over HTTP as a browser would: who gets in, with how many factors, and the plain
/// page for each thing that goes wrong (docs/decisions/0125-0127).
/// </summary>
public sealed class OrganisationSignInTests(OrganisationProviderFixture fixture) : IClassFixture<OrganisationProviderFixture>
{
    private FailingWellApp App => fixture.App;

    private TestIdentityProvider Provider => fixture.Provider;

    private static string Problem(string reason) => OrganisationSignInProblems.PathFor(reason);

    private static async Task<string> PageAsync(OrganisationBrowser browser, string path, HttpStatusCode expected)
    {
        var response = await browser.Site.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(expected, response.StatusCode);
        return html;
    }

    private async Task<StaffAccount> AccountAsync(string id)
    {
        await using var scope = App.Scope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>().FindByIdAsync(id))!;
    }

    private async Task<IList<UserLoginInfo>> LinksAsync(string id)
    {
        await using var scope = App.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        return await users.GetLoginsAsync((await users.FindByIdAsync(id))!);
    }

    private async Task<List<string>> AuditAsync(string id)
    {
        await using var scope = App.Scope();
        return await FailingWellApp.NewDbContext(scope).AuditEntries.Where(a => a.AccountId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    [Fact]
    public async Task An_invited_lead_whose_organisation_asked_for_two_factors_goes_straight_to_the_triage_queue()
    {
        var lead = await Staff.CreateAsync(App, StaffRoles.GovernanceLead, withTwoFactor: false);
        using var browser = new OrganisationBrowser(App);
        Provider.SignInNext(TestProviderUser.WithMfa(lead.Email));

        Assert.Equal("/account/home", await browser.SignInAsync());

        var home = await browser.Site.GetAsync(new Uri("/account/home", UriKind.Relative));
        Assert.Equal("/triage", home.Headers.Location!.OriginalString);
        await PageAsync(browser, "/triage", HttpStatusCode.OK);
        var account = await AccountAsync(lead.Id);
        Assert.NotNull(account.LastSignInAtUtc);
        Assert.Equal(Provider.Issuer.ToString(), Assert.Single(await LinksAsync(lead.Id)).LoginProvider);
        Assert.Contains("Signed in with an organisation account (two factors at the organisation)", await AuditAsync(lead.Id));
    }

    [Fact]
    public async Task A_one_factor_organisation_sign_in_asks_for_FailingWells_own_authenticator_code_then_opens_the_queue()
    {
        var lead = await Staff.CreateAsync(App, StaffRoles.GovernanceLead);
        using var browser = new OrganisationBrowser(App);
        Provider.SignInNext(TestProviderUser.PasswordOnly(lead.Email));

        Assert.StartsWith("/account/sign-in/code", await browser.SignInAsync("/triage"), StringComparison.Ordinal);
        // Not in yet: the queue sends them back to sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Site.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);

        var code = await Forms.PostAsync(browser.Site, "/account/sign-in/code?returnUrl=%2Ftriage", new Dictionary<string, string> { ["Input.Code"] = Staff.CodeFor(lead) });
        Assert.Equal("/triage", code.Headers.Location!.OriginalString);
        await PageAsync(browser, "/triage", HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_one_factor_organisation_sign_in_to_an_account_with_no_authenticator_is_taken_to_set_one_up()
    {
        var lead = await Staff.CreateAsync(App, StaffRoles.GovernanceLead, withTwoFactor: false);
        using var browser = new OrganisationBrowser(App);
        Provider.SignInNext(TestProviderUser.PasswordOnly(lead.Email));

        Assert.StartsWith("/account/two-factor", await browser.SignInAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Site.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_renamed_mailbox_still_opens_its_account_by_the_providers_subject()
    {
        var lead = await Staff.CreateAsync(App, StaffRoles.GovernanceLead, withTwoFactor: false);
        var subject = Guid.NewGuid().ToString("N");
        using (var first = new OrganisationBrowser(App))
        {
            Provider.SignInNext(TestProviderUser.WithMfa(lead.Email, subject));
            Assert.Equal("/account/home", await first.SignInAsync());
        }

        using var renamed = new OrganisationBrowser(App);
        Provider.SignInNext(TestProviderUser.WithMfa("married-name-" + lead.Email, subject));

        Assert.Equal("/account/home", await renamed.SignInAsync());
        await PageAsync(renamed, "/triage", HttpStatusCode.OK);
        Assert.Single(await LinksAsync(lead.Id));
    }

    [Fact]
    public async Task A_recycled_email_address_under_a_new_subject_does_not_open_the_account_it_once_belonged_to()
    {
        var lead = await Staff.CreateAsync(App, StaffRoles.GovernanceLead, withTwoFactor: false);
        using (var leaver = new OrganisationBrowser(App))
        {
            Provider.SignInNext(TestProviderUser.WithMfa(lead.Email));
            Assert.Equal("/account/home", await leaver.SignInAsync());
        }

        using var newcomer = new OrganisationBrowser(App);
        Provider.SignInNext(TestProviderUser.WithMfa(lead.Email));

        Assert.Equal(Problem(OrganisationSignInProblems.NotInvited), await newcomer.SignInAsync());
        var page = await PageAsync(newcomer, Problem(OrganisationSignInProblems.NotInvited), HttpStatusCode.Forbidden);
        Assert.Contains("You do not have a FailingWell account", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.Site.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
        Assert.Single(await LinksAsync(lead.Id));
        Assert.Contains("Organisation sign-in refused: another organisation account with this email address", await AuditAsync(lead.Id));
    }

    [Fact]
    public async Task Someone_in_the_directory_with_no_FailingWell_account_is_refused_with_a_plain_page()
    {
        using var browser = new OrganisationBrowser(App);
        Provider.SignInNext(TestProviderUser.WithMfa($"not-invited-{Guid.NewGuid():N}@trust.nhs.uk"));

        Assert.Equal(Problem(OrganisationSignInProblems.NotInvited), await browser.SignInAsync());
        var page = await PageAsync(browser, Problem(OrganisationSignInProblems.NotInvited), HttpStatusCode.Forbidden);
        Assert.Contains("Ask a FailingWell administrator in your organisation to invite you", page, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_address_the_provider_has_not_verified_opens_nothing()
    {
        var lead = await Staff.CreateAsync(App, StaffRoles.GovernanceLead, withTwoFactor: false);
        using var browser = new OrganisationBrowser(App);
        Provider.SignInNext(TestProviderUser.WithMfa(lead.Email) with { EmailVerified = false });

        Assert.Equal(Problem(OrganisationSignInProblems.EmailNotVerified), await browser.SignInAsync());
        await PageAsync(browser, Problem(OrganisationSignInProblems.EmailNotVerified), HttpStatusCode.Forbidden);
        Assert.Empty(await LinksAsync(lead.Id));
    }

    [Fact]
    public async Task A_disabled_FailingWell_account_cannot_sign_in_with_its_organisation_account()
    {
        var lead = await Staff.CreateAsync(App, StaffRoles.GovernanceLead, withTwoFactor: false);
        await using (var scope = App.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            var account = (await users.FindByIdAsync(lead.Id))!;
            account.IsDisabled = true;
            await users.UpdateAsync(account);
        }

        using var browser = new OrganisationBrowser(App);
        Provider.SignInNext(TestProviderUser.WithMfa(lead.Email));

        Assert.Equal(Problem(OrganisationSignInProblems.AccountDisabled), await browser.SignInAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Site.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData(TestProviderTwist.WrongAudience)]
    [InlineData(TestProviderTwist.Expired)]
    public async Task An_identity_token_for_another_application_or_out_of_date_is_refused_with_a_plain_page(TestProviderTwist twist)
    {
        var lead = await Staff.CreateAsync(App, StaffRoles.GovernanceLead, withTwoFactor: false);
        using var browser = new OrganisationBrowser(App);
        Provider.SignInNext(TestProviderUser.WithMfa(lead.Email), twist);

        Assert.Equal(Problem(OrganisationSignInProblems.InvalidToken), await browser.SignInAsync());
        var page = await PageAsync(browser, Problem(OrganisationSignInProblems.InvalidToken), HttpStatusCode.BadRequest);
        Assert.Contains("was not meant for FailingWell or was out of date", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Site.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
        Assert.Empty(await LinksAsync(lead.Id));
    }

    [Fact]
    public async Task A_replayed_callback_is_refused_and_never_reaches_the_provider_again()
    {
        var lead = await Staff.CreateAsync(App, StaffRoles.GovernanceLead, withTwoFactor: false);
        using var browser = new OrganisationBrowser(App);
        Provider.SignInNext(TestProviderUser.WithMfa(lead.Email));
        Assert.Equal("/account/home", await browser.SignInAsync());
        var tokens = Provider.TokensIssued;

        // The same code and state posted again, from the same browser and from another.
        Assert.Equal(Problem(OrganisationSignInProblems.Interrupted), await browser.PostCallbackAsync(browser.Callback!));
        using var thief = new OrganisationBrowser(App);
        Assert.Equal(Problem(OrganisationSignInProblems.Interrupted), await thief.PostCallbackAsync(browser.Callback!));

        Assert.Equal(tokens, Provider.TokensIssued);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.Site.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
        await PageAsync(thief, Problem(OrganisationSignInProblems.Interrupted), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_person_the_provider_does_not_sign_in_gets_a_plain_page()
    {
        using var browser = new OrganisationBrowser(App);

        Assert.Equal(Problem(OrganisationSignInProblems.ProviderRefused), await browser.SignInAsync());
        await PageAsync(browser, Problem(OrganisationSignInProblems.ProviderRefused), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("")]
    [InlineData("state=forged&code=abc")]
    [InlineData("code=abc")]
    [InlineData("error=server_error&error_description=%3Cscript%3E")]
    [InlineData("state=%00%FF%ED%A0%80&iss=http%3A%2F%2Fevil.example")]
    [InlineData("id_token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.&state=x")]
    public async Task Garbage_posted_to_the_callback_gets_a_plain_page_never_a_server_error(string body)
    {
        using var browser = new OrganisationBrowser(App);
        using var content = new StringContent(body, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        var response = await browser.Site.PostAsync(new Uri("/signin-oidc", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var problem = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/sign-in/organisation/problem/", problem, StringComparison.Ordinal);
        var page = await browser.Site.GetAsync(new Uri(problem, UriKind.Relative));
        Assert.True((int)page.StatusCode is >= 400 and < 500, problem);
        Assert.DoesNotContain("   at ", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_malformed_and_hostile_posts_to_the_callback_get_no_server_error()
    {
        var outcome = await new FormFuzzer(() => App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), seed: 4242)
            .RunAsync(["/signin-oidc", "/account/sign-in/organisation/finish"], posts: 300, limit: TimeSpan.FromMinutes(1));

        Assert.True(outcome.ServerErrors == 0, $"{outcome.ServerErrors} server errors: {string.Join("; ", outcome.ServerErrorSamples)}");
    }

    [Fact]
    public async Task An_account_made_with_no_password_signs_in_only_through_the_organisation()
    {
        var email = $"sso-only-{Guid.NewGuid():N}@trust.nhs.uk";
        await using (var scope = App.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AddAccount.Command { Email = email, Role = StaffRoles.Executive, SsoOnly = true });
        }

        using var browser = new OrganisationBrowser(App);
        var password = await Staff.PostSignInAsync(browser.Site, email, "");
        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Provider.SignInNext(TestProviderUser.WithMfa(email));

        Assert.Equal("/account/home", await browser.SignInAsync());
        await PageAsync(browser, "/digests", HttpStatusCode.OK);
        await using var check = App.Scope();
        var people = await check.ServiceProvider.GetRequiredService<IMediator>().Send(new People.Query());
        Assert.Equal("Organisation account", people.Single(p => p.Email == email).SignsInWith);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_offers_the_providers_own_sign_out()
    {
        var lead = await Staff.CreateAsync(App, StaffRoles.GovernanceLead, withTwoFactor: false);
        using var browser = new OrganisationBrowser(App);
        Provider.SignInNext(TestProviderUser.WithMfa(lead.Email));
        Assert.Equal("/account/home", await browser.SignInAsync());

        var signOut = await Forms.PostAsync(browser.Site, "/account/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var page = await PageAsync(browser, "/account/sign-out", HttpStatusCode.OK);
        Assert.Contains("href=\"/account/sign-out/organisation\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Site.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);

        var atProvider = await browser.Site.GetAsync(new Uri("/account/sign-out/organisation", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, atProvider.StatusCode);
        var endSession = atProvider.Headers.Location!;
        Assert.Equal(new Uri(Provider.Issuer, "connect/logout").GetLeftPart(UriPartial.Path), endSession.GetLeftPart(UriPartial.Path));
        Assert.Contains("post_logout_redirect_uri=" + Uri.EscapeDataString("http://localhost/signout-callback-oidc"), endSession.Query, StringComparison.Ordinal);
    }
}
