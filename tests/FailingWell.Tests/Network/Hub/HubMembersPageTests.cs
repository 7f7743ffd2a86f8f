using System.Text.RegularExpressions;
using FailingWell.Web.Features.Network;

namespace FailingWell.Tests.Network.Hub;

/// <summary>/network/hub/members: the coordinator adds members and sees each key once; the hub keeps only its hash.</summary>
public sealed class HubMembersPageTests
{
    [Fact]
    public async Task A_coordinator_adds_a_member_sees_its_key_once_and_the_hub_keeps_only_the_hash()
    {
        using var hub = new FailingWellApp().With("Network:Role", "Hub");
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);
        using var browser = await Staff.SignInAsync(hub, coordinator);

        var added = await Forms.PostAsync(browser, "/network/hub/members?handler=Add", new Dictionary<string, string>
        {
            ["Add.Name"] = "Example Community Trust", ["Add.OrganisationType"] = "Community trust",
        }, tokenFrom: "/network/hub/members");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var html = await added.Content.ReadAsStringAsync();
        var key = Regex.Match(html, "<code id=\"member-key\">([A-Za-z0-9_-]{43})</code>");
        Assert.True(key.Success, "The key is not shown");
        var member = await NetworkSupport.InDatabaseAsync(hub, db => db.HubMembers.AsNoTracking().SingleAsync());
        // Neither the key nor its hash (which signs) is kept in the clear (decision 0096).
        Assert.NotEqual(NetworkSignature.HashOf(key.Groups[1].Value), member.KeyHash);
        Assert.False(DatabaseBytes.Contains(DatabaseBytes.Read(hub.DatabasePath), key.Groups[1].Value));
        Assert.False(DatabaseBytes.Contains(DatabaseBytes.Read(hub.DatabasePath), NetworkSignature.HashOf(key.Groups[1].Value)));
        var later = await browser.GetStringAsync(new Uri("/network/hub/members", UriKind.Relative));
        Assert.Contains("Example Community Trust", later, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Groups[1].Value, later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_member_without_a_name_says_so_beside_the_field()
    {
        using var hub = new FailingWellApp().With("Network:Role", "Hub");
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);
        using var browser = await Staff.SignInAsync(hub, coordinator);

        var added = await Forms.PostAsync(browser, "/network/hub/members?handler=Add", new Dictionary<string, string> { ["Add.Name"] = " " }, tokenFrom: "/network/hub/members");

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var html = await added.Content.ReadAsStringAsync();
        Assert.Contains("Enter the organisation&#x27;s name", html, StringComparison.Ordinal);
        Assert.Equal(0, await NetworkSupport.InDatabaseAsync(hub, db => db.HubMembers.CountAsync()));
    }

    [Fact]
    public async Task Only_a_coordinator_opens_the_hub_pages_and_a_coordinator_opens_no_reports()
    {
        using var hub = new FailingWellApp().With("Network:Role", "Hub");
        var lead = await Staff.CreateAsync(hub, StaffRoles.GovernanceLead);
        var admin = await Staff.CreateAsync(hub, StaffRoles.Admin);
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);

        foreach (var account in new[] { lead, admin })
        {
            using var browser = await Staff.SignInAsync(hub, account);
            Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/network/hub/members", UriKind.Relative))).StatusCode);
        }

        using var coordinating = await Staff.SignInAsync(hub, coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinating.GetAsync(new Uri("/network/hub/members", UriKind.Relative))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await coordinating.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_sets_up_an_authenticator_and_lands_on_the_hubs_members()
    {
        using var hub = new FailingWellApp().With("Network:Role", "Hub");
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator, withTwoFactor: false);
        using var browser = await Staff.SignInAsync(hub, coordinator);
        Assert.Contains("<svg", await browser.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative)), StringComparison.Ordinal);
        string key;
        await using (var scope = hub.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffAccount>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(coordinator.Id))!))!;
        }

        var enrolled = await Forms.PostAsync(browser, "/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Staff.CodeFor(coordinator with { AuthenticatorKey = key }) });

        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Assert.Equal("/network/hub/members", enrolled.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri("/network/hub/members", UriKind.Relative))).StatusCode);
    }
}
