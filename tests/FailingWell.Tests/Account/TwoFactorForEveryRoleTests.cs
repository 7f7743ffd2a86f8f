using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FailingWell.Tests.Account;

/// <summary>ASVS level 2: every governance role, executives included, signs in with two factors.</summary>
public sealed class TwoFactorForEveryRoleTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    private static readonly string[] GovernancePages = ["/digests", "/culture"];

    [Theory]
    [InlineData(StaffRoles.Executive)]
    [InlineData(StaffRoles.GovernanceLead)]
    [InlineData(StaffRoles.Admin)]
    public async Task A_password_alone_reaches_no_governance_page_only_the_authenticator_set_up(string role)
    {
        var account = await Staff.CreateAsync(app, role, withTwoFactor: false);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var password = await Staff.PostSignInAsync(client, account.Email);

        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var path in GovernancePages)
        {
            var page = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/account/two-factor?returnUrl=" + Uri.EscapeDataString(path), page.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task An_executive_without_an_authenticator_sets_one_up_and_only_then_reads_digests_and_culture()
    {
        var executive = await Staff.CreateAsync(app, StaffRoles.Executive, withTwoFactor: false);
        var client = await Staff.SignInAsync(app, executive);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/digests", UriKind.Relative))).StatusCode);

        Assert.Contains("<svg", await client.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative)), StringComparison.Ordinal);
        string key;
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(executive.Id))!))!;
        }

        var enrolled = await Forms.PostAsync(client, "/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Staff.CodeFor(executive with { AuthenticatorKey = key }) });

        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Assert.Equal("/digests", enrolled.Headers.Location!.OriginalString);
        foreach (var path in GovernancePages)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
    }

    [Theory]
    [InlineData(StaffRoles.Guardian, "/speak-up")]
    [InlineData(StaffRoles.NetworkCoordinator, "/network/hub/members")]
    [InlineData(StaffRoles.GovernanceLead, "/triage")]
    public async Task Setting_up_an_authenticator_lands_on_a_page_the_role_may_open(string role, string landing)
    {
        var account = await Staff.CreateAsync(app, role, withTwoFactor: false);
        var client = await Staff.SignInAsync(app, account);
        Assert.Contains("<svg", await client.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative)), StringComparison.Ordinal);
        string key;
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(account.Id))!))!;
        }

        var enrolled = await Forms.PostAsync(client, "/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Staff.CodeFor(account with { AuthenticatorKey = key }) });

        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Assert.Equal(landing, enrolled.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_enrolled_executive_is_asked_for_the_code_and_reads_nothing_before_giving_it()
    {
        var executive = await Staff.CreateAsync(app, StaffRoles.Executive);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var password = await Staff.PostSignInAsync(client, executive.Email);

        Assert.StartsWith("/account/sign-in/code", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        foreach (var path in GovernancePages)
        {
            var page = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("http://localhost/account/sign-in", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var code = await Forms.PostAsync(client, "/account/sign-in/code", new Dictionary<string, string> { ["Input.Code"] = Staff.CodeFor(executive) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        foreach (var path in GovernancePages)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
    }

    [Theory]
    [InlineData(nameof(StaffRoles.Executive), "/digests")]
    [InlineData(nameof(StaffRoles.GovernanceLead), "/triage")]
    [InlineData(nameof(StaffRoles.Admin), "/triage")]
    public async Task Signing_in_with_no_page_to_return_to_lands_on_the_first_page_the_role_may_open(string role, string landing)
    {
        using var app = new FailingWellApp();
        var account = await Staff.CreateAsync(app, role);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Staff.PostSignInAsync(client, account.Email);

        var code = await Forms.PostAsync(client, "/account/sign-in/code", new Dictionary<string, string> { ["Input.Code"] = Staff.CodeFor(account) });
        var home = await client.GetAsync(code.Headers.Location!);

        Assert.Equal("/account/home", code.Headers.Location!.OriginalString);
        Assert.Equal(landing, home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(home.Headers.Location)).StatusCode);
    }
}
