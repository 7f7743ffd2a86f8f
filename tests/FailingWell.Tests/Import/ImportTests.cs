using System.Text;
using FailingWell.Web.Features.Culture;
using FailingWell.Web.Features.Import;
using MiniExcelLibs;

namespace FailingWell.Tests.Import;

/// <summary>Imports of another system's export, through the same slices the page and the command line send (decision 0130).</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class ImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly First = new(2025, 2, 3);

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public async Task A_datix_csv_with_uk_dates_a_bom_and_windows_line_endings_imports_marked_as_imported_and_a_second_import_adds_nothing()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Now) };
        var rows = ImportSupport.Rows(3, First).ToList();
        rows[1][7] = "=HYPERLINK(\"http://evil.example\",\"Click me\")"; // a formula: kept as the text it is
        rows[2][7] = "Two lines,\r\nwith a comma";
        var file = Utf8WithBom(ImportSupport.Csv(rows, "\r\n"));
        var upload = await ImportSupport.UploadAsync(app, file);
        await ImportSupport.MapAsync(app, upload);

        var check = await ImportSupport.CheckAsync(app, upload);
        Assert.Equal((3, 3, 0, 0), (check.Rows, check.New, check.AlreadyHere, check.ProblemCount));
        var result = await ImportSupport.ImportAsync(app, upload);
        Assert.Equal(3, result.New);

        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            var reports = await db.Reports.AsNoTracking().Include(r => r.Location).OrderBy(r => r.SourceReference).ToListAsync();
            Assert.Equal(["W1", "W2", "W3"], reports.Select(r => r.SourceReference));
            Assert.All(reports, r =>
            {
                Assert.True(r.IsImported);
                Assert.Equal("Datix", r.SourceSystem);
                Assert.Null(r.ReceiptLocator);
                Assert.Null(r.ReporterName); // the file's Reporter column was not mapped
                Assert.True(r.IsAnonymous);
                Assert.Equal(ReportStatus.Closed, r.Status);
                Assert.Equal("Ward 7", r.Location!.Name); // created by the mapping
                Assert.StartsWith("FW-", r.Reference, StringComparison.Ordinal);
            });
            Assert.Equal(new DateOnly(2025, 2, 4), reports[0].OccurredOn); // 04/02/2025 is the 4th of February
            Assert.Equal(TimeBand.Afternoon, reports[0].OccurredBand);
            Assert.Equal("=HYPERLINK(\"http://evil.example\",\"Click me\")", reports[1].WhatHappened);
            Assert.Equal("Two lines,\r\nwith a comma", reports[2].WhatHappened);
            Assert.False(await db.ImportUploads.AnyAsync()); // the file is kept only for the length of the import
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("Imported")).Select(a => a.Action).SingleAsync();
            Assert.Contains("3 reports from Datix", audit, StringComparison.Ordinal);
            Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)), audit, StringComparison.Ordinal);
            Assert.DoesNotContain("floor", audit, StringComparison.Ordinal);
        }

        // The same file again, and an overlapping later export: only the new row goes in, and the mapping is reused.
        var again = await ImportSupport.UploadAsync(app, file);
        Assert.Equal((0, 3), ((await ImportSupport.ImportAsync(app, again)).New, (await ImportSupport.CheckAsync(app, await ImportSupport.UploadAsync(app, file))).AlreadyHere));
        var later = await ImportSupport.UploadAsync(app, Encoding.UTF8.GetBytes(ImportSupport.Csv([.. rows, ImportSupport.Row(4, First)])));
        var overlap = await ImportSupport.ImportAsync(app, later);
        Assert.Equal((1, 3), (overlap.New, overlap.AlreadyHere));
        Assert.Equal(4, await ImportSupport.ImportedCountAsync(app));
    }

    [Fact]
    public async Task The_dry_run_names_every_problem_by_line_and_column_and_lists_unknown_words_and_the_import_then_writes_nothing()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Now) };
        var rows = ImportSupport.Rows(6, First).ToList();
        rows[0][1] = "31/02/2025";
        rows[1][6] = "Catastrophic";
        rows[2][6] = "Catastrophic";
        rows[3][7] = "";
        rows[5][0] = "W5";
        var upload = await ImportSupport.UploadAsync(app, Encoding.UTF8.GetBytes(ImportSupport.Csv(rows)));
        await ImportSupport.MapAsync(app, upload);

        var check = await ImportSupport.CheckAsync(app, upload);
        var problems = check.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("Line 2, column 'Incident date': '31/02/2025' is not a date like 31/01/2024", problems);
        Assert.Contains("Line 3, column 'Severity': 'Catastrophic' has no mapping", problems);
        Assert.Contains("Line 4, column 'Severity': 'Catastrophic' has no mapping", problems);
        Assert.Contains("Line 5, column 'Description': has no description of what happened", problems);
        Assert.Contains("Line 7, column 'ID': 'W5' is also on line 6: each row needs its own reference", problems);
        Assert.Equal(5, check.ProblemCount);
        Assert.Equal(new KeyValuePair<string, int>("Catastrophic", 2), Assert.Single(check.Unknown[ImportField.Harm]));

        var refused = await Assert.ThrowsAnyAsync<FluentValidation.ValidationException>(() => ImportSupport.ImportAsync(app, upload));
        Assert.Contains(refused.Errors, e => e.ErrorMessage.StartsWith("Line 2, column 'Incident date'", StringComparison.Ordinal));
        Assert.Equal(0, await ImportSupport.ImportedCountAsync(app));
    }

    [Fact]
    public async Task A_file_cut_off_halfway_imports_nothing()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Now) };
        var whole = ImportSupport.Csv(ImportSupport.Rows(40, First).Select(r => r.Select((c, i) => i == 7 ? "\"" + c + "\"" : c).ToArray()));
        var cut = whole[..(whole.Length / 2)];
        cut = cut[..(cut.LastIndexOf("\"Patient", StringComparison.Ordinal) + 5)]; // inside a quoted description
        var upload = await ImportSupport.UploadAsync(app, Encoding.UTF8.GetBytes(cut));
        await ImportSupport.MapAsync(app, upload);

        var check = await ImportSupport.CheckAsync(app, upload);
        Assert.True(check.ProblemCount > 0);
        await Assert.ThrowsAnyAsync<FluentValidation.ValidationException>(() => ImportSupport.ImportAsync(app, upload));
        Assert.Equal(0, await ImportSupport.ImportedCountAsync(app));
    }

    [Fact]
    public async Task An_xlsx_made_by_a_spreadsheet_library_imports_with_its_date_cells()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Now) };
        var sheet = ImportSupport.Rows(4, First).Select(r => ImportSupport.Headings.Select((h, i) => (h, i)).ToDictionary(
            c => c.h, c => c.i switch { 1 => new DateTime(2025, 3, 10, 8, 15, 0, DateTimeKind.Unspecified), 2 => new DateTime(2025, 3, 11), _ => (object)r[c.i] })).ToList();
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(sheet);
        var upload = await ImportSupport.UploadAsync(app, xlsx.ToArray(), "export.xlsx");
        await ImportSupport.MapAsync(app, upload);

        var result = await ImportSupport.ImportAsync(app, upload);
        Assert.Equal(4, result.New);
        await using var scope = app.Scope();
        var report = await FailingWellApp.NewDbContext(scope).Reports.AsNoTracking().FirstAsync(r => r.SourceReference == "W1");
        Assert.Equal((new DateOnly(2025, 3, 10), TimeBand.Morning), (report.OccurredOn, report.OccurredBand));
    }

    [Fact]
    public async Task Fifty_thousand_rows_import_in_one_go()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Now) };
        var upload = await ImportSupport.UploadAsync(app, Encoding.UTF8.GetBytes(ImportSupport.Csv(ImportSupport.Rows(50_000, First))));
        await ImportSupport.MapAsync(app, upload);

        var result = await ImportSupport.ImportAsync(app, upload);
        Assert.Equal((50_000, 50_000), (result.Rows, result.New));
        Assert.Equal(50_000, await ImportSupport.ImportedCountAsync(app));
    }

    [Fact]
    public async Task The_demo_trusts_three_year_export_fills_the_culture_charts_and_a_second_import_adds_nothing()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Now) };
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "data", "demo-trust-datix-export.csv"));
        var upload = await ImportSupport.UploadAsync(app, file, "demo-trust-datix-export.csv");
        string[] locations = ["Ward 1 (Acute medical unit)", "Ward 7 (Elderly care)", "Emergency department", "Theatres", "Maternity unit", "Outpatients"];
        string[] categories = ["Medication", "Pressure ulcers", "Staffing", "Infection control", "Communication"];
        await ImportSupport.MapAsync(app, upload, extra: [
            .. categories.Select(c => (ImportField.Category, c, SaveMapping.NewIn + nameof(GovernanceStream.PatientSafety)))]);
        var unknown = (await ImportSupport.CheckAsync(app, upload)).Unknown[ImportField.Location];
        Assert.Equal(locations.Order(), unknown.Select(u => u.Key).Order()); // listed with their counts until mapped
        await using (var scope = app.Scope())
        {
            var division = await FailingWellApp.NewDbContext(scope).Divisions.OrderBy(d => d.SortOrder).Select(d => d.Id).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SaveMapping.Command
            {
                UploadId = upload,
                Words = [.. locations.Select(l => new SaveMapping.WordChoice { Field = ImportField.Location, Word = l, Target = SaveMapping.NewIn + division })],
            });
        }

        var result = await ImportSupport.ImportAsync(app, upload);
        Assert.Equal((3645, 3645), (result.Rows, result.New));

        await using (var scope = app.Scope())
        {
            var view = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CultureView.Query("org", PeriodKind.Month, 36));
            var reports = view.Series[0].Points;
            Assert.True(reports.Count(p => p.Value > 0) >= 35, string.Join(", ", reports.Select(p => p.Value)));
        }

        var again = await ImportSupport.ImportAsync(app, await ImportSupport.UploadAsync(app, file, "demo-trust-datix-export.csv"));
        Assert.Equal((0, 3645), (again.New, again.AlreadyHere));
        Assert.Equal(3645, await ImportSupport.ImportedCountAsync(app));
    }
}
