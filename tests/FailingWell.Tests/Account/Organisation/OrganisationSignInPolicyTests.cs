using FailingWell.Web.Features.Account.Organisation;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Tests.Account.Organisation;

/// <summary>The provider's two factors required, passwords switched off but for admins' break-glass, and a directory group mapped to a role.</summary>
public sealed class OrganisationSignInPolicyTests(OrganisationSignInPolicyTests.Fixture fixture) : IClassFixture<OrganisationSignInPolicyTests.Fixture>
{
    public const string LeadsGroup = "a0a0a0a0-leads-group";

    public sealed class Fixture : OrganisationProviderFixture
    {
        protected override IReadOnlyDictionary<string, string> MoreSettings => new Dictionary<string, string>
        {
            ["Authentication:OpenIdConnect:RequireProviderMfa"] = "true",
            ["Authentication:OpenIdConnect:AcrValues"] = "urn:test:two-factors",
            ["Authentication:OpenIdConnect:GroupRoleMappings:" + LeadsGroup] = StaffRoles.GovernanceLead,
            ["Authentication:LocalPasswords"] = "false",
        };
    }

    private FailingWellApp App => fixture.App;

    [Fact]
    public async Task With_the_providers_two_factors_required_a_one_factor_sign_in_is_refused_even_with_an_authenticator_here()
    {
        var lead = await Staff.CreateAsync(App, StaffRoles.GovernanceLead);
        using var browser = new OrganisationBrowser(App);
        fixture.Provider.SignInNext(TestProviderUser.PasswordOnly(lead.Email));

        Assert.Equal(OrganisationSignInProblems.PathFor(OrganisationSignInProblems.MfaRequired), await browser.SignInAsync());
        var page = await browser.Site.GetAsync(new Uri(OrganisationSignInProblems.PathFor(OrganisationSignInProblems.MfaRequired), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Sign in with two factors", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Site.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_configured_acr_counts_as_two_factors_and_a_mapped_directory_group_sets_the_role()
    {
        var person = await Staff.CreateAsync(App, StaffRoles.Executive, withTwoFactor: false);
        using var browser = new OrganisationBrowser(App);
        // amr says one factor; the configured acr says two.
        fixture.Provider.SignInNext(TestProviderUser.PasswordOnly(person.Email) with { Groups = [LeadsGroup, "some-other-group"], Acr = "urn:test:two-factors" });

        Assert.Equal("/account/home", await browser.SignInAsync());

        var triage = await browser.Site.GetAsync(new Uri("/triage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
        await using var scope = App.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        Assert.Equal([StaffRoles.GovernanceLead], await users.GetRolesAsync((await users.FindByIdAsync(person.Id))!));
    }

    [Fact]
    public async Task With_local_passwords_off_the_sign_in_page_offers_only_the_organisation_and_only_an_admin_has_a_break_glass_password()
    {
        var anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await anonymous.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        Assert.Contains("Sign in with the test organisation", page, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/sign-in?breakGlass=true\"", page, StringComparison.Ordinal);

        var lead = await Staff.CreateAsync(App, StaffRoles.GovernanceLead);
        var refused = await Forms.PostAsync(anonymous, "/account/sign-in?breakGlass=true", new Dictionary<string, string>
        {
            ["Input.Email"] = lead.Email, ["Input.Password"] = Staff.Password, ["BreakGlass"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        var admin = await Staff.CreateAsync(App, StaffRoles.Admin);
        var breakGlass = await Forms.PostAsync(App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
            "/account/sign-in?breakGlass=true", new Dictionary<string, string>
            {
                ["Input.Email"] = admin.Email, ["Input.Password"] = Staff.Password, ["BreakGlass"] = "true",
            });
        Assert.Equal(HttpStatusCode.Redirect, breakGlass.StatusCode);
        Assert.StartsWith("/account/sign-in/code", breakGlass.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_people_page_lists_the_directory_groups_roles_and_how_each_account_signs_in()
    {
        var admin = await Staff.CreateAsync(App, StaffRoles.Admin);
        var client = App.CreateClient();
        // Passwords are off here: the admin comes in by the break-glass way, code and all.
        await Forms.PostAsync(client, "/account/sign-in?breakGlass=true", new Dictionary<string, string>
        {
            ["Input.Email"] = admin.Email, ["Input.Password"] = Staff.Password, ["BreakGlass"] = "true",
        });
        await Forms.PostAsync(client, "/account/sign-in/code", new Dictionary<string, string> { ["Input.Code"] = Staff.CodeFor(admin) });

        var page = await client.GetStringAsync(new Uri("/admin/people", UriKind.Relative));

        Assert.Contains("Roles from your organisation", page, StringComparison.Ordinal);
        Assert.Contains($"<code>{LeadsGroup}</code>: {StaffRoles.GovernanceLead}", page, StringComparison.Ordinal);
        Assert.Contains("Signs in with", page, StringComparison.Ordinal);
    }
}
