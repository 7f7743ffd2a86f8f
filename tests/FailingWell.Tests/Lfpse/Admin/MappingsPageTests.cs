using System.Globalization;
using System.Text.RegularExpressions;
using FailingWell.Web.Features.Lfpse;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace FailingWell.Tests.Lfpse.Admin;

/// <summary>/admin/lfpse: the ODS code and the trust's lists mapped to LFPSE's codes, on one form.</summary>
public sealed partial class MappingsPageTests
{
    [Fact]
    public async Task The_page_lists_every_missing_mapping_says_such_reports_are_not_sent_and_never_shows_the_key()
    {
        using var app = new FailingWellApp().With("Lfpse:BaseUrl", "http://127.0.0.1:9").With("Lfpse:SubscriptionKey", FakeLfpse.Key);
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            await db.Divisions.ExecuteUpdateAsync(u => u.SetProperty(d => d.LfpseServiceArea, "1").SetProperty(d => d.LfpseSpecialty, "2"));
        }

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/admin/lfpse", UriKind.Relative)));

        Assert.Contains("Connected to http://127.0.0.1:9", page, StringComparison.Ordinal);
        Assert.Contains("Set (a secret setting: never shown)", page, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeLfpse.Key, page, StringComparison.Ordinal);
        Assert.Contains("A report whose mapping is missing is not sent to LFPSE", page, StringComparison.Ordinal);
        Assert.Contains("<li>The organisation's ODS code.</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Division ", Missing(page), StringComparison.Ordinal);
        await using var check = app.Scope();
        var db2 = FailingWellApp.NewDbContext(check);
        var location = await db2.Locations.Include(l => l.Division).FirstAsync(l => !l.IsRetired);
        var group = await db2.StaffGroups.FirstAsync(s => !s.IsRetired);
        var category = await db2.Categories.FirstAsync(c => !c.IsRetired);
        Assert.Contains($"<li>Location {location.Name} ({location.Division!.Name}): location type.</li>", page, StringComparison.Ordinal);
        Assert.Contains($"<li>Staff group {group.Name}: staff type.</li>", page, StringComparison.Ordinal);
        Assert.Contains($"<li>Category {category.Name}: agents.</li>", page, StringComparison.Ordinal);
        Assert.Contains($"<li>Category {category.Name}: safety challenges.</li>", page, StringComparison.Ordinal);
        // LFPSE's own words in the selects.
        Assert.Contains(">Allied health professional</option>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_not_in_LFPSEs_lists_is_refused_beside_its_field_and_everything_typed_is_kept()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var ids = await IdsAsync(admin);

        var bad = WebUtility.HtmlDecode(await (await Forms.PostAsync(admin, "/admin/lfpse", new Dictionary<string, string>
        {
            ["Input.OdsCode"] = "ZZZ999",
            ["Input.Divisions[0].Id"] = ids["Divisions"][0],
            ["Input.Divisions[0].ServiceArea"] = "999",
            ["Input.Divisions[0].Specialty"] = "2",
            ["Input.StaffGroups[0].Id"] = ids["StaffGroups"][0],
            ["Input.StaffGroups[0].StaffType"] = "R'; DROP TABLE",
        })).Content.ReadAsStringAsync());

        Assert.Contains("href=\"#Input_OdsCode\">ZZZ999 is not in LFPSE's list of organisations", bad, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Divisions[0]_ServiceArea-error\"", bad, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Divisions[0]_ServiceArea\">Choose a service area from LFPSE's list", bad, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_StaffGroups[0]_StaffType\">Choose a staff type from LFPSE's list", bad, StringComparison.Ordinal);
        Assert.Contains("value=\"ZZZ999\"", bad, StringComparison.Ordinal);
        // The specialty chosen alongside stays chosen; the refused code is shown as what was sent.
        Assert.Matches("name=\"Input.Divisions\\[0\\].Specialty\"[^>]*>(<option[^>]*>[^<]*</option>)*?<option value=\"2\" selected>Acute internal medicine</option>", bad);
        Assert.Contains("<option value=\"999\" selected>999 (not in LFPSE's list)</option>", bad, StringComparison.Ordinal);

        var format = WebUtility.HtmlDecode(await (await Forms.PostAsync(admin, "/admin/lfpse", new Dictionary<string, string> { ["Input.OdsCode"] = "<script>" })).Content.ReadAsStringAsync());
        Assert.Contains("Enter the organisation's ODS code in letters and digits only", format, StringComparison.Ordinal);

        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        Assert.False(await db.Settings.AnyAsync(s => s.Key == LfpseDrafts.OdsCodeSetting));
        Assert.False(await db.Divisions.AnyAsync(d => d.LfpseSpecialty != null));
    }

    [Fact]
    public async Task Saving_stores_the_ODS_code_and_the_mappings_audits_them_and_they_leave_the_missing_list()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var ids = await IdsAsync(admin);

        var saved = await Forms.PostAsync(admin, "/admin/lfpse", new Dictionary<string, string>
        {
            ["Input.OdsCode"] = " rrv ",
            ["Input.Divisions[0].Id"] = ids["Divisions"][0],
            ["Input.Divisions[0].ServiceArea"] = "1",
            ["Input.Divisions[0].Specialty"] = "2",
            ["Input.Locations[0].Id"] = ids["Locations"][0],
            ["Input.Locations[0].LocationType"] = "4",
            ["Input.StaffGroups[0].Id"] = ids["StaffGroups"][0],
            ["Input.StaffGroups[0].StaffType"] = "3",
            ["Input.Categories[0].Id"] = ids["Categories"][0],
            ["Input.Categories[0].Agents"] = "4",
            ["Input.Categories[0].SafetyChallenges"] = "2",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        Assert.Equal("RRV", await db.Settings.Where(s => s.Key == LfpseDrafts.OdsCodeSetting).Select(s => s.Value).SingleAsync());
        var division = await db.Divisions.SingleAsync(d => d.Id == int.Parse(ids["Divisions"][0], CultureInfo.InvariantCulture));
        Assert.Equal(("1", "2"), (division.LfpseServiceArea, division.LfpseSpecialty));
        Assert.Equal("4", (await db.Locations.SingleAsync(l => l.Id == int.Parse(ids["Locations"][0], CultureInfo.InvariantCulture))).LfpseLocationWithinService);
        Assert.Equal("3", (await db.StaffGroups.SingleAsync(s => s.Id == int.Parse(ids["StaffGroups"][0], CultureInfo.InvariantCulture))).LfpseStaffType);
        var category = await db.Categories.SingleAsync(c => c.Id == int.Parse(ids["Categories"][0], CultureInfo.InvariantCulture));
        Assert.Equal(("4", "2"), (category.LfpseInvolvedAgents, category.LfpseSafetyChallenges));
        var audit = await db.AuditEntries.Where(a => a.Action.StartsWith("Changed LFPSE mappings")).Select(a => a.Action).SingleAsync();
        Assert.Contains("ODS code RRV", audit, StringComparison.Ordinal);
        Assert.Contains("division " + division.Name, audit, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/admin/lfpse", UriKind.Relative)));
        Assert.Contains("LFPSE settings saved.", page, StringComparison.Ordinal);
        Assert.Contains("In use: RRV,", page, StringComparison.Ordinal);
        var missing = Missing(page);
        Assert.DoesNotContain("ODS code", missing, StringComparison.Ordinal);
        Assert.DoesNotContain($"Division {division.Name}:", missing, StringComparison.Ordinal);
        Assert.DoesNotContain($"Category {category.Name}:", missing, StringComparison.Ordinal);
        Assert.Matches("name=\"Input.Categories\\[0\\].Agents\" type=\"checkbox\" value=\"4\" checked", page);
        Assert.DoesNotMatch("name=\"Input.Categories\\[0\\].Agents\" type=\"checkbox\" value=\"3\" checked", page);
    }

    [Fact]
    public async Task Random_malformed_and_hostile_posts_to_the_mappings_and_submissions_forms_get_no_server_error()
    {
        await using var lfpse = await FakeLfpse.StartAsync();
        using var app = new FailingWellApp().With("Lfpse:BaseUrl", lfpse.BaseUrl).With("Lfpse:SubscriptionKey", FakeLfpse.Key)
            .With("Lfpse:OdsCode", LfpseEvents.OdsCode).With("Lfpse:DeliveryIntervalSeconds", "3600");
        await SubmissionsPageTests.FailedAndToCheckAsync(app, lfpse);
        var admin = await Staff.CreateAsync(app, StaffRoles.Admin);
        var cookies = new System.Net.CookieContainer();
        using var signedIn = await Staff.SignInAsync(app, admin, cookies);

        var outcome = await new FormFuzzer(() => app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), seed: 123)
            .RunAsync(["/admin/lfpse", "/admin/lfpse/submissions"], posts: 300, limit: TimeSpan.FromMinutes(3));

        Assert.True(outcome.Posts >= 150, $"Only {outcome.Posts} posts");
        Assert.True(outcome.ServerErrors == 0, $"{outcome.ServerErrors} server errors: {string.Join("; ", outcome.ServerErrorSamples)}");
    }

    /// <summary>The ids of each list's rows, in the form's order, read from the form.</summary>
    private static async Task<Dictionary<string, List<string>>> IdsAsync(HttpClient admin)
    {
        var page = await admin.GetStringAsync(new Uri("/admin/lfpse", UriKind.Relative));
        return HiddenId().Matches(page).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Select(m => m.Groups[2].Value).ToList());
    }

    private static string Missing(string page)
    {
        var start = page.IndexOf("nhsuk-warning-callout", StringComparison.Ordinal);
        return start < 0 ? "" : page[start..page.IndexOf("</ul>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("type=\"hidden\" name=\"Input\\.(\\w+)\\[\\d+\\]\\.Id\" value=\"(\\d+)\"")]
    private static partial Regex HiddenId();
}
