using FailingWell.Web.Features.Reporting;

namespace FailingWell.Tests.Admin;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class ReferenceDataTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields) =>
        Forms.PostAsync(client, "/admin/reference-data?handler=" + handler, fields);

    private async Task<HttpClient> AdminAsync() => await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

    [Fact]
    public async Task Retiring_a_location_removes_it_from_the_form_and_keeps_old_reports_under_it()
    {
        var admin = await AdminAsync();
        Location location;
        await using (var scope = app.Scope())
        {
            location = await FailingWellApp.NewDbContext(scope).Locations.Include(l => l.Division).OrderBy(l => l.Id).Skip(2).FirstAsync();
        }

        var before = await new ReportBuilder { Where = ReportForm.LocationValue(location.Id) }.SubmitAsync(app);

        await PostAsync(admin, "Change", new() { ["Change.List"] = "locations", ["Change.Id"] = location.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Change.What"] = "Retire" });

        var form = await app.CreateClient().GetStringAsync(new Uri("/report", UriKind.Relative));
        Assert.DoesNotContain($"value=\"{ReportForm.LocationValue(location.Id)}\"", form, StringComparison.Ordinal);
        var kept = await SavedReports.LoadAsync(app, before.Id);
        Assert.Equal(location.Id, kept.LocationId);
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        Assert.Contains(location.Name, await lead.GetStringAsync(new Uri($"/triage/reports/{before.Id}", UriKind.Relative)), StringComparison.Ordinal);
        await using var check = app.Scope();
        Assert.True(await FailingWellApp.NewDbContext(check).Locations.AnyAsync(l => l.Id == location.Id && l.IsRetired));
    }

    [Fact]
    public async Task Items_are_added_renamed_and_reordered_and_duplicates_are_refused()
    {
        var admin = await AdminAsync();

        await PostAsync(admin, "Add", new() { ["Add.List"] = "categories", ["Add.Name"] = "Nutrition and hydration", ["Add.Stream"] = "PatientExperience" });
        var duplicate = await (await PostAsync(admin, "Add", new() { ["Add.List"] = "categories", ["Add.Name"] = "Falls", ["Add.Stream"] = "PatientSafety" })).Content.ReadAsStringAsync();
        Assert.Contains("There is already a category called &#x27;Falls&#x27;", duplicate, StringComparison.Ordinal);
        Assert.Contains("id=\"Add_Name\"", duplicate, StringComparison.Ordinal);

        int id;
        await using (var scope = app.Scope())
        {
            var added = await FailingWellApp.NewDbContext(scope).Categories.SingleAsync(c => c.Name == "Nutrition and hydration");
            Assert.Equal(GovernanceStream.PatientExperience, added.DefaultStream);
            id = added.Id;
        }

        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await PostAsync(admin, "Change", new() { ["Change.List"] = "categories", ["Change.Id"] = idText, ["Change.What"] = "Rename", ["Change.Name"] = "Food and drink" });
        await PostAsync(admin, "Change", new() { ["Change.List"] = "categories", ["Change.Id"] = idText, ["Change.What"] = "MoveUp" });
        var clash = await (await PostAsync(admin, "Change", new() { ["Change.List"] = "categories", ["Change.Id"] = idText, ["Change.What"] = "Rename", ["Change.Name"] = "Medication" })).Content.ReadAsStringAsync();
        Assert.Contains("There is already a category called &#x27;Medication&#x27;", clash, StringComparison.Ordinal);

        await using var check = app.Scope();
        var categories = await FailingWellApp.NewDbContext(check).Categories.OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync();
        Assert.Equal("Food and drink", categories[^2]);
        Assert.Contains(await FailingWellApp.NewDbContext(check).AuditEntries.Select(a => a.Action).ToListAsync(),
            a => a == "Renamed category 'Nutrition and hydration' to 'Food and drink'");
        var form = await app.CreateClient().GetStringAsync(new Uri("/report", UriKind.Relative));
        Assert.Contains(">Food and drink</option>", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_category_in_a_stream_cannot_be_retired()
    {
        var admin = await AdminAsync();
        int last = 0;
        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            var experience = await db.Categories.Where(c => c.DefaultStream == GovernanceStream.PatientExperience && !c.IsRetired).OrderBy(c => c.Id).ToListAsync();
            foreach (var category in experience.Skip(1))
            {
                category.IsRetired = true;
            }

            await db.SaveChangesAsync();
            last = experience[0].Id;
        }

        var html = await (await PostAsync(admin, "Change", new() { ["Change.List"] = "categories", ["Change.Id"] = last.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Change.What"] = "Retire" })).Content.ReadAsStringAsync();

        Assert.Contains("is the last category in Patient experience", html, StringComparison.Ordinal);
        await using var check = app.Scope();
        Assert.False((await FailingWellApp.NewDbContext(check).Categories.SingleAsync(c => c.Id == last)).IsRetired);
    }
}
