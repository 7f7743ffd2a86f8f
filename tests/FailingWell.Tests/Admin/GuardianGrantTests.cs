using Microsoft.AspNetCore.Identity;

namespace FailingWell.Tests.Admin;

/// <summary>
/// The Guardian role opens every confidential case: an admin only asks for it, an existing guardian
/// (or, while there is none, a second admin) approves, and every guardian is told.
/// </summary>
public sealed class GuardianGrantTests
{
    private const string Granted = "Someone has been made a Freedom to Speak Up guardian";

    private static Task<HttpResponseMessage> AskAsync(HttpClient admin, string accountId) =>
        Forms.PostAsync(admin, "/admin/people?handler=Role", new Dictionary<string, string> { ["Role.AccountId"] = accountId, ["Role.Role"] = StaffRoles.Guardian });

    private static Task<HttpResponseMessage> AdminApprovesAsync(HttpClient admin, string accountId) =>
        Forms.PostAsync(admin, "/admin/people?handler=ApproveGuardian", new Dictionary<string, string> { ["AccountId"] = accountId });

    private static async Task<bool> IsGuardianAsync(FailingWellApp app, string accountId)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        return await users.IsInRoleAsync((await users.FindByIdAsync(accountId))!, StaffRoles.Guardian);
    }

    private static async Task<List<string>> EmailedAsync(FailingWellApp app, string subject)
    {
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).OutboxEmails.Where(e => e.Subject == subject).Select(e => e.To).ToListAsync();
    }

    [Fact]
    public async Task An_admin_asks_for_the_guardian_role_an_existing_guardian_approves_it_and_every_guardian_is_told()
    {
        using var app = new FailingWellApp();
        var existing = await Staff.CreateAsync(app, StaffRoles.Guardian, name: "Existing Guardian");
        var asking = await Staff.CreateAsync(app, StaffRoles.Admin, name: "Asking Admin");
        var target = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, name: "Would Be Guardian");
        var admin = await Staff.SignInAsync(app, asking);

        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(admin, target.Id)).StatusCode);
        var asked = await admin.GetStringAsync(new Uri("/admin/people", UriKind.Relative));

        Assert.Contains("Guardian role asked for", asked, StringComparison.Ordinal);
        Assert.False(await IsGuardianAsync(app, target.Id));
        Assert.Equal([existing.Email], await EmailedAsync(app, "A request to make someone a guardian needs approval"));

        // With a guardian in post, no admin approves: not the one who asked, nor another.
        var second = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin, name: "Second Admin"));
        var refused = await (await AdminApprovesAsync(second, target.Id)).Content.ReadAsStringAsync();
        Assert.Contains("Only a guardian can approve this.", refused, StringComparison.Ordinal);
        Assert.False(await IsGuardianAsync(app, target.Id));

        var guardian = await Staff.SignInAsync(app, existing);
        var notice = await guardian.GetStringAsync(new Uri("/speak-up", UriKind.Relative));
        Assert.Contains("Asking Admin has asked for Would Be Guardian", notice, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(guardian, "/speak-up?handler=Approve", new Dictionary<string, string> { ["Approve.AccountId"] = target.Id })).StatusCode);
        var approved = await guardian.GetStringAsync(new Uri("/speak-up", UriKind.Relative));

        Assert.True(await IsGuardianAsync(app, target.Id));
        Assert.Contains("Made a guardian: Would Be Guardian", approved, StringComparison.Ordinal);
        Assert.Contains("asked for by Asking Admin, approved by Existing Guardian", approved, StringComparison.Ordinal);
        Assert.Equal(new[] { existing.Email, target.Email }.Order(), (await EmailedAsync(app, Granted)).Order());
        var newGuardian = await Staff.SignInAsync(app, target);
        Assert.Contains("Made a guardian: Would Be Guardian", await newGuardian.GetStringAsync(new Uri("/speak-up", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_guardian_a_second_admin_approves_and_the_admin_who_asked_cannot()
    {
        using var app = new FailingWellApp();
        var asking = await Staff.CreateAsync(app, StaffRoles.Admin, name: "Asking Admin");
        var target = await Staff.CreateAsync(app, StaffRoles.Executive, name: "First Guardian");
        var admin = await Staff.SignInAsync(app, asking);
        await AskAsync(admin, target.Id);

        var own = await (await AdminApprovesAsync(admin, target.Id)).Content.ReadAsStringAsync();
        Assert.Contains("Someone other than the person who asked, and the person it is for, must approve this.", own, StringComparison.Ordinal);
        Assert.False(await IsGuardianAsync(app, target.Id));

        var second = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin, name: "Second Admin"));
        Assert.Contains("First Guardian", await second.GetStringAsync(new Uri("/admin/people", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminApprovesAsync(second, target.Id)).StatusCode);
        var approved = await second.GetStringAsync(new Uri("/admin/people", UriKind.Relative));

        Assert.Contains("Guardian role given", approved, StringComparison.Ordinal);
        Assert.True(await IsGuardianAsync(app, target.Id));
        Assert.Equal([target.Email], await EmailedAsync(app, Granted));
        await using var scope = app.Scope();
        Assert.True(await FailingWellApp.NewDbContext(scope).AuditEntries.AnyAsync(a => a.Action == $"Made a guardian: First Guardian ({target.Email}), asked for by Asking Admin, approved by Second Admin"));
    }

    [Fact]
    public async Task An_invitation_cannot_give_the_guardian_role()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var email = $"invited-{Guid.NewGuid():N}@trust.nhs.uk";

        var page = await (await Forms.PostAsync(admin, "/admin/people?handler=Invite", new Dictionary<string, string>
        {
            ["Invite.Email"] = email, ["Invite.DisplayName"] = "Invited Guardian", ["Invite.Role"] = StaffRoles.Guardian,
        })).Content.ReadAsStringAsync();

        Assert.Contains("a guardian must approve it", page, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>().FindByEmailAsync(email));
    }
}
