using System.Globalization;
using System.IO.Compression;
using CsvHelper;

namespace FailingWell.Web.Features.Export;

/// <summary>One CSV file of an export, written into the zip as its rows stream from the database.</summary>
public interface IExportFile
{
    string Name { get; }

    /// <returns>How many rows it holds (the header not counted).</returns>
    Task<long> WriteAsync(ZipArchive zip, CancellationToken cancellationToken);
}

/// <summary>
/// A file of rows of one shape. Its columns are written in the order the data dictionary lists them;
/// a column the dictionary does not describe, one it describes that is not written, or one whose type
/// differs, is refused before anything is written.
/// </summary>
public sealed class ExportFile<TRow>(string name, Func<IAsyncEnumerable<TRow>> rows, Action<ExportColumns<TRow>> columns) : IExportFile
{
    /// <summary>
    /// UTF-8 with a byte order mark, so that Excel reads it as UTF-8; a text cell that a spreadsheet would
    /// run as a formula (=, +, -, @, tab, CR) gets an apostrophe in front (decision 0134).
    /// </summary>
    public static readonly CsvWriterOptions Options = new() { WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    public string Name { get; } = name;

    public async Task<long> WriteAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var ordered = InDictionaryOrder();
        var entry = zip.CreateEntry(Name, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await using var csv = CsvWriter.Create(stream, Options, leaveOpen: true);
        foreach (var column in ordered)
        {
            csv.WriteField(column.Name);
        }

        await csv.EndRecordAsync(cancellationToken);
        long count = 0;
        await foreach (var row in rows().WithCancellation(cancellationToken))
        {
            foreach (var column in ordered)
            {
                column.Write(csv, row);
            }

            await csv.EndRecordAsync(cancellationToken);
            count++;
        }

        await csv.FlushAsync(cancellationToken);
        return count;
    }

    private List<ExportColumns<TRow>.Column> InDictionaryOrder()
    {
        var written = new ExportColumns<TRow>();
        columns(written);
        var byName = written.All.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var described = ExportDictionary.Shipped.ColumnsOf(Name);
        var problems = described.Where(d => !byName.TryGetValue(d.Column, out var c) || c.Type != d.Type)
            .Select(d => $"{d.Column} ({d.Type}) is described but not written as such")
            .Concat(written.All.Where(c => described.All(d => d.Column != c.Name)).Select(c => $"{c.Name} is written but not described"))
            .ToList();
        if (problems.Count > 0 || described.Count == 0)
        {
            throw new InvalidOperationException($"{Name} and {ExportDictionary.FileName} disagree: " + (problems.Count > 0 ? string.Join("; ", problems) : "the file is not described"));
        }

        return [.. described.Select(d => byName[d.Column])];
    }
}

/// <summary>The columns of an export file, each with its dictionary type and how it is written.</summary>
public sealed class ExportColumns<TRow>
{
    public sealed record Column(string Name, string Type, Action<CsvWriter, TRow> Write);

    internal List<Column> All { get; } = [];

    public ExportColumns<TRow> Text(string name, Func<TRow, string?> value) =>
        Add(name, "text", (csv, row) => csv.WriteField(value(row)));

    /// <summary>A day, ISO 8601: every date kept is already a UK day.</summary>
    public ExportColumns<TRow> Date(string name, Func<TRow, DateOnly?> value) =>
        Add(name, "date", (csv, row) => csv.WriteField(value(row)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    public ExportColumns<TRow> Number(string name, Func<TRow, int?> value) =>
        Add(name, "integer", (csv, row) => csv.WriteField(value(row)?.ToString(CultureInfo.InvariantCulture)));

    public ExportColumns<TRow> YesNo(string name, Func<TRow, bool> value) =>
        Add(name, "yes/no", (csv, row) => csv.WriteField(value(row) ? "yes" : "no"));

    /// <summary>An enumeration by its name, as the dictionary lists them.</summary>
    public ExportColumns<TRow> Code<TEnum>(string name, Func<TRow, TEnum?> value)
        where TEnum : struct, Enum =>
        Add(name, "code", (csv, row) => csv.WriteField(value(row)?.ToString()));

    public ExportColumns<TRow> Code<TEnum>(string name, Func<TRow, TEnum> value)
        where TEnum : struct, Enum =>
        Add(name, "code", (csv, row) => csv.WriteField(value(row).ToString()));

    private ExportColumns<TRow> Add(string name, string type, Action<CsvWriter, TRow> write)
    {
        All.Add(new Column(name, type, write));
        return this;
    }
}
