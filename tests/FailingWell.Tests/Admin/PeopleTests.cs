using System.Text.RegularExpressions;
using FailingWell.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FailingWell.Tests.Admin;

public sealed partial class PeopleTests
{
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields) =>
        Forms.PostAsync(client, "/admin/people?handler=" + handler, fields);

    private static async Task<string> InvitationLinkAsync(FailingWellApp app, string email)
    {
        await using var scope = app.Scope();
        var body = (await FailingWellApp.NewDbContext(scope).OutboxEmails.SingleAsync(e => e.To == email)).Body;
        return LinkPattern().Match(body).Value.Replace("http://localhost:5080", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http://localhost:5080/account/invitation\?\S+")]
    private static partial Regex LinkPattern();

    private static async Task<string> AcceptAsync(FailingWellApp app, string link, string password)
    {
        var client = app.CreateClient();
        var page = await client.GetStringAsync(new Uri(link, UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            ["Input.AccountId"] = FollowUps.Field(page, "Input.AccountId")!,
            ["Input.Token"] = FollowUps.Field(page, "Input.Token")!,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        };
        var response = await Forms.PostAsync(client, link, fields);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task An_invitation_link_sets_a_password_once_and_the_new_lead_can_sign_in()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var invited = await PostAsync(admin, "Invite", new() { ["Invite.DisplayName"] = "Ngozi Lead", ["Invite.Email"] = "ngozi@trust.nhs.uk", ["Invite.Role"] = StaffRoles.GovernanceLead });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var link = await InvitationLinkAsync(app, "ngozi@trust.nhs.uk");

        Assert.Contains("Your password is set", await AcceptAsync(app, link, "chosen by ngozi herself"), StringComparison.Ordinal);
        Assert.Contains(AcceptInvitation.Expired, await AcceptAsync(app, link, "someone else tries again"), StringComparison.Ordinal);

        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var account = (await users.FindByEmailAsync("ngozi@trust.nhs.uk"))!;
        Assert.True(await users.CheckPasswordAsync(account, "chosen by ngozi herself"));
        Assert.True(await users.IsInRoleAsync(account, StaffRoles.GovernanceLead));
    }

    [Fact]
    public async Task An_invitation_link_expires()
    {
        using var app = new FailingWellApp().With("Accounts:InvitationHours", "0.0003"); // about a second
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var invited = await PostAsync(admin, "Invite", new() { ["Invite.DisplayName"] = "Late Larry", ["Invite.Email"] = "larry@trust.nhs.uk", ["Invite.Role"] = StaffRoles.Executive });
        Assert.True(invited.StatusCode == HttpStatusCode.Redirect, string.Join('\n', app.Logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(l => l.Message + l.Exception)));
        var link = await InvitationLinkAsync(app, "larry@trust.nhs.uk");

        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Contains(AcceptInvitation.Expired, await AcceptAsync(app, link, "too late a password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitations_refuse_bad_input_at_the_field()
    {
        using var app = new FailingWellApp();
        var existing = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var html = await (await PostAsync(admin, "Invite", new() { ["Invite.DisplayName"] = "", ["Invite.Email"] = "not-an-email", ["Invite.Role"] = "" })).Content.ReadAsStringAsync();
        var duplicate = await (await PostAsync(admin, "Invite", new() { ["Invite.DisplayName"] = "Twin", ["Invite.Email"] = existing.Email, ["Invite.Role"] = StaffRoles.Admin })).Content.ReadAsStringAsync();

        Assert.Contains("href=\"#Invite_DisplayName\">Enter their full name", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Invite_Email\">Enter an email address in the correct format", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Invite_Role\">Choose a role", html, StringComparison.Ordinal);
        Assert.Contains("An account with this email address already exists", duplicate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_and_stops_it_signing_in()
    {
        using var app = new FailingWellApp().With("Accounts:SessionCheckSeconds", "0");
        var leadAccount = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var lead = await Staff.SignInAsync(app, leadAccount);
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(new Uri("/triage", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "Disable", new() { ["AccountId"] = leadAccount.Id })).StatusCode);

        var after = await lead.GetAsync(new Uri("/triage", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/account/sign-in", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        var again = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await Staff.PostSignInAsync(again, leadAccount.Email);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Enter a correct email address and password", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_disabled_or_demoted()
    {
        using var app = new FailingWellApp();
        var only = await Staff.CreateAsync(app, StaffRoles.Admin);
        var admin = await Staff.SignInAsync(app, only);

        var disable = await (await PostAsync(admin, "Disable", new() { ["AccountId"] = only.Id })).Content.ReadAsStringAsync();
        var demote = await (await PostAsync(admin, "Role", new() { ["Role.AccountId"] = only.Id, ["Role.Role"] = StaffRoles.Executive })).Content.ReadAsStringAsync();

        Assert.Contains("This is the last active admin and cannot be disabled", disable, StringComparison.Ordinal);
        Assert.Contains("This is the last active admin: make someone else an admin first", demote, StringComparison.Ordinal);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var account = (await users.FindByIdAsync(only.Id))!;
        Assert.False(account.IsDisabled);
        Assert.True(await users.IsInRoleAsync(account, StaffRoles.Admin));
    }

    [Fact]
    public async Task Roles_change_two_factor_resets_and_locks_open_and_each_is_audited()
    {
        using var app = new FailingWellApp();
        var target = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, name: "Target Person");
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin, name: "Ada Admin"));
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(target.Id))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        var people = await admin.GetStringAsync(new Uri("/admin/people", UriKind.Relative));
        Assert.Contains("Locked", people, StringComparison.Ordinal);

        await PostAsync(admin, "Role", new() { ["Role.AccountId"] = target.Id, ["Role.Role"] = StaffRoles.Executive });
        await PostAsync(admin, "ResetTwoFactor", new() { ["AccountId"] = target.Id });
        await PostAsync(admin, "Unlock", new() { ["AccountId"] = target.Id });

        await using var check = app.Scope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var account = (await manager.FindByIdAsync(target.Id))!;
        Assert.True(await manager.IsInRoleAsync(account, StaffRoles.Executive));
        Assert.False(account.TwoFactorEnabled);
        Assert.False(await manager.IsLockedOutAsync(account));
        var audit = await FailingWellApp.NewDbContext(check).AuditEntries.Where(a => a.AccountName == "Ada Admin").Select(a => a.Action).ToListAsync();
        Assert.Contains(audit, a => a.StartsWith($"Changed the role of {target.Email} from GovernanceLead to Executive", StringComparison.Ordinal));
        Assert.Contains($"Reset two-factor authentication for {target.Email}", audit);
        Assert.Contains($"Unlocked {target.Email}", audit);
    }
}
