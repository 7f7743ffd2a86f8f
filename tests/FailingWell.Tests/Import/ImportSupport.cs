using System.Globalization;
using System.Text;
using FailingWell.Web.Features.Import;

namespace FailingWell.Tests.Import;

/// <summary>Datix-like exports made by the tests, and the mapping an admin would save for them.</summary>
public static class ImportSupport
{
    public const string System = "Datix";

    public static readonly string[] Headings = ["ID", "Incident date", "Reported date", "Location (exact)", "Type", "Category", "Severity", "Description", "Action taken", "Approval status", "Reporter"];

    /// <summary>A row as Datix writes it: UK dates, its own words.</summary>
    public static string[] Row(int number, DateOnly day, string severity = "No harm", string description = "Patient found on the floor; no injury.") =>
        [$"W{number}", day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " 14:30", day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            "Ward 7", "Incident", "Falls", severity, description, "Checked by a second nurse.", "Finally approved", "Jane Smith"];

    public static string Csv(IEnumerable<string[]> rows, string newline = "\n")
    {
        var text = new StringBuilder();
        foreach (var row in new[] { Headings }.Concat(rows))
        {
            text.Append(string.Join(',', row.Select(Quote))).Append(newline);
        }

        return text.ToString();
    }

    private static string Quote(string cell) => cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal) || cell.Contains('\n', StringComparison.Ordinal)
        ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    public static IEnumerable<string[]> Rows(int count, DateOnly first) =>
        Enumerable.Range(1, count).Select(i => Row(i, first.AddDays(i % 300)));

    /// <summary>Uploads a file as the page does and returns its id.</summary>
    public static async Task<Guid> UploadAsync(FailingWellApp app, byte[] content, string fileName = "export.csv", string system = System)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new UploadExport.Command { SourceSystem = system, FileName = fileName, Content = content });
    }

    /// <summary>Saves the Datix mapping: every column but the reporter's, and its words, creating the missing location.</summary>
    public static async Task MapAsync(FailingWellApp app, Guid uploadId, string dateFormat = ImportMap.UkDates, IEnumerable<(ImportField Field, string Word, string Target)>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var falls = (await db.Categories.SingleAsync(c => c.Name == "Falls")).Id.ToString(CultureInfo.InvariantCulture);
        var division = (await db.Divisions.OrderBy(d => d.SortOrder).FirstAsync()).Id.ToString(CultureInfo.InvariantCulture);
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        await mediator.Send(new SaveMapping.Command
        {
            UploadId = uploadId,
            DateFormat = dateFormat,
            Columns = [.. new (ImportField, string)[]
            {
                (ImportField.SourceReference, "ID"), (ImportField.OccurredOn, "Incident date"), (ImportField.ReportedOn, "Reported date"),
                (ImportField.Location, "Location (exact)"), (ImportField.Kind, "Type"), (ImportField.Category, "Category"), (ImportField.Harm, "Severity"),
                (ImportField.Description, "Description"), (ImportField.ActionTaken, "Action taken"), (ImportField.Status, "Approval status"),
            }.Select(c => new SaveMapping.ColumnChoice { Field = c.Item1, Heading = c.Item2 })],
        });
        var words = new List<(ImportField, string, string)>
        {
            (ImportField.Harm, "No harm", nameof(PhysicalHarm.None)), (ImportField.Harm, "Low harm", nameof(PhysicalHarm.Low)),
            (ImportField.Harm, "Moderate harm", nameof(PhysicalHarm.Moderate)), (ImportField.Harm, "Severe harm", nameof(PhysicalHarm.Severe)),
            (ImportField.Harm, "Death", nameof(PhysicalHarm.Fatal)),
            (ImportField.Kind, "Incident", nameof(ReportKind.Incident)), (ImportField.Kind, "Near miss", nameof(ReportKind.NearMiss)), (ImportField.Kind, "Concern", nameof(ReportKind.Concern)),
            (ImportField.Status, "Finally approved", nameof(ReportStatus.Closed)), (ImportField.Status, "Being reviewed", nameof(ReportStatus.UnderReview)),
            (ImportField.Category, "Falls", falls),
            (ImportField.Location, "Ward 7", SaveMapping.NewIn + division),
        };
        words.AddRange(extra ?? []);
        await mediator.Send(new SaveMapping.Command
        {
            UploadId = uploadId,
            Words = [.. words.Select(w => new SaveMapping.WordChoice { Field = w.Item1, Word = w.Item2, Target = w.Item3 })],
        });
    }

    public static async Task<ImportCheck> CheckAsync(FailingWellApp app, Guid uploadId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CheckImport.Query(uploadId)))!;
    }

    public static async Task<ImportCheck> ImportAsync(FailingWellApp app, Guid uploadId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunImport.Command { UploadId = uploadId });
    }

    public static async Task<int> ImportedCountAsync(FailingWellApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).Reports.CountAsync(r => r.IsImported);
    }
}
