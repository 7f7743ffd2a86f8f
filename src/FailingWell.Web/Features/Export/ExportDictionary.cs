using System.Collections.Frozen;
using CsvHelper;

namespace FailingWell.Web.Features.Export;

/// <summary>
/// What each exported file and column means: <c>data-dictionary.csv</c>, data shipped in the assembly
/// and written into every export as it is (for the files that export holds). The export writes the
/// columns the dictionary lists, in its order, so a column cannot be written without being described.
/// </summary>
public sealed class ExportDictionary
{
    public const string FileName = "data-dictionary.csv";

    private const string ResourceName = "FailingWell.Web.Features.Export.data-dictionary.csv";

    public static ExportDictionary Shipped { get; } = Load();

    private ExportDictionary(IReadOnlyList<Entry> entries)
    {
        Entries = entries;
        Files = entries.Where(e => e.Type == "file").ToFrozenDictionary(e => e.File, e => e.Description, StringComparer.Ordinal);
    }

    /// <param name="Type">A column's type (text, date, code, integer, yes/no); "file" for a file's own line, "convention" for what holds for all.</param>
    public sealed record Entry(string File, string Column, string Type, string Description);

    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>Each described file and what it holds.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    public IReadOnlyList<Entry> ColumnsOf(string file) =>
        [.. Entries.Where(e => e.File == file && e.Type is not ("file" or "convention"))];

    /// <summary>The conventions and the lines of these files only, as the header and rows of the zip's own dictionary.</summary>
    public IEnumerable<Entry> For(IReadOnlyCollection<string> files) =>
        Entries.Where(e => e.Type == "convention" || files.Contains(e.File));

    private static ExportDictionary Load()
    {
        using var stream = typeof(ExportDictionary).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        using var text = new StreamReader(stream);
        using var reader = CsvReader.FromText(text.ReadToEnd(), new CsvReaderOptions { Separator = ',' });
        var entries = new List<Entry>();
        while (reader.Read())
        {
            entries.Add(new Entry(reader.GetString("file"), reader.GetString("column"), reader.GetString("type"), reader.GetString("description")));
        }

        return new ExportDictionary(entries);
    }
}
