using FailingWell.Web.Features.Culture;

namespace FailingWell.Tests.Culture;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class TargetsTests
{
    [Fact]
    public async Task An_admin_sets_targets_and_the_culture_page_shows_them_with_an_assurance_icon_and_in_the_csv()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var saved = await Forms.PostAsync(admin, "/culture/targets", new Dictionary<string, string>
        {
            ["Input.Targets[0].Measure"] = "feedback", ["Input.Targets[0].Value"] = "90",
            ["Input.Targets[1].Measure"] = "acknowledge", ["Input.Targets[1].Value"] = "7",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var form = await admin.GetStringAsync(new Uri("/culture/targets", UriKind.Relative));
        Assert.Contains("value=\"90\"", form, StringComparison.Ordinal);
        var page = await admin.GetStringAsync(new Uri("/culture", UriKind.Relative));
        Assert.Contains("Target 90: not enough data to judge yet", page, StringComparison.Ordinal); // no feedback was due
        Assert.Contains("Target 7: not enough data to judge yet", page, StringComparison.Ordinal);
        Assert.Contains("No target set", page, StringComparison.Ordinal);
        Assert.Contains("class=\"fw-icon fw-icon--", page, StringComparison.Ordinal);
        var csv = await admin.GetStringAsync(new Uri("/culture?handler=Csv&measure=feedback&Scope=org&Period=Month", UriKind.Relative));
        Assert.Contains(",90,", csv.Split('\n')[1], StringComparison.Ordinal);

        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        Assert.Equal("90", (await db.Settings.SingleAsync(s => s.Key == CultureTargets.Prefix + "feedback")).Value);
        Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(), d => d.Contains("feedback 90", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_target_that_is_not_a_number_or_out_of_range_is_explained_beside_its_field_and_nothing_is_saved()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var response = await Forms.PostAsync(admin, "/culture/targets", new Dictionary<string, string>
        {
            ["Input.Targets[0].Measure"] = "feedback", ["Input.Targets[0].Value"] = "150",
            ["Input.Targets[1].Measure"] = "reports", ["Input.Targets[1].Value"] = "lots",
            ["Input.Targets[2].Measure"] = "near-miss", ["Input.Targets[2].Value"] = "12",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a target from 0 to 100, or leave it blank for none", html, StringComparison.Ordinal);
        Assert.Contains("Enter a target of 0 or more, or leave it blank for none", html, StringComparison.Ordinal);
        Assert.Contains("value=\"lots\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Targets[0]_Value-error\"", html, StringComparison.Ordinal);
        await using var scope = app.Scope();
        Assert.False(await FailingWellApp.NewDbContext(scope).Settings.AnyAsync(s => s.Key.StartsWith(CultureTargets.Prefix)));
    }

    [Fact]
    public async Task Only_admins_open_the_targets_page()
    {
        using var app = new FailingWellApp();
        foreach (var role in new[] { StaffRoles.Executive, StaffRoles.GovernanceLead })
        {
            var staff = await Staff.SignInAsync(app, await Staff.CreateAsync(app, role));
            var response = await staff.GetAsync(new Uri("/culture/targets", UriKind.Relative));
            Assert.StartsWith("http://localhost/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }
}
