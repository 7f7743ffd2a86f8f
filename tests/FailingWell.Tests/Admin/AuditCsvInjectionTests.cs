namespace FailingWell.Tests.Admin;

/// <summary>A cell that a spreadsheet would run as a formula is written as text.</summary>
public sealed class AuditCsvInjectionTests
{
    [Fact]
    public async Task A_display_name_that_starts_like_a_formula_is_escaped_as_text_in_the_audit_CSV()
    {
        using var app = new FailingWellApp();
        foreach (var name in new[] { "=1+1", "+1+1", "-1+1", "@SUM(1+1)" })
        {
            var report = await new ReportBuilder().SubmitAsync(app);
            var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, name: name);
            await SavedReports.ChangeAsync(app, lead.Id, report.Id, new Web.Features.Triage.Acknowledge.Command());
        }

        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        var csv = await admin.GetAsync(new Uri("/admin/audit?handler=Csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var cells = (await csv.Content.ReadAsStringAsync()).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(line => line.Split(',')).Select(cell => cell.Trim('"')).ToList();
        Assert.Contains("'=1+1", cells);
        Assert.Contains("'+1+1", cells);
        Assert.Contains("'-1+1", cells);
        Assert.Contains("'@SUM(1+1)", cells);
        Assert.DoesNotContain(cells, cell => cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal));
    }
}
