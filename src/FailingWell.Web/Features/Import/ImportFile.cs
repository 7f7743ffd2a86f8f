using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace FailingWell.Web.Features.Import;

/// <summary>One row of an export: the line (CSV) or row (spreadsheet) people see, and its cells.</summary>
public sealed record SourceRow(int Line, IReadOnlyList<string> Cells)
{
    public string Cell(int column) => column >= 0 && column < Cells.Count ? Cells[column] : "";
}

/// <summary>A problem in an export, where a spreadsheet shows it.</summary>
public sealed record ImportProblem(int Line, string Column, string Message)
{
    public override string ToString() => Column.Length == 0 ? $"Line {Line}: {Message}" : $"Line {Line}, column '{Column}': {Message}";
}

/// <summary>
/// Reads an export, CSV (CsvHelper) or .xlsx (MiniExcel), as headings and rows, streaming so a file of
/// a million rows never sits in memory. Cells are text: a spreadsheet formula is read as the value it
/// last showed, and a CSV cell starting with '=' stays the text it is; nothing is ever evaluated.
/// </summary>
public sealed class ImportFile : IDisposable
{
    private readonly Stream stream;
    private readonly bool isSpreadsheet;

    private ImportFile(Stream stream, bool isSpreadsheet)
    {
        this.stream = stream;
        this.isSpreadsheet = isSpreadsheet;
    }

    public IReadOnlyList<string> Headings { get; private set; } = [];

    /// <summary>A problem that stopped the reading (a quoted value the file ends inside), if any.</summary>
    public ImportProblem? Broken { get; private set; }

    public static bool IsSpreadsheet(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static bool IsSupported(string fileName) => IsSpreadsheet(fileName) || fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the stream (kept open by the caller) and reads the headings.</summary>
    public static ImportFile Open(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var file = new ImportFile(stream, IsSpreadsheet(fileName));
        file.Headings = file.ReadAll(headingsOnly: true).FirstOrDefault()?.Cells.Select(c => c.Trim().TrimStart('\uFEFF').Trim()).ToArray() ?? [];
        return file;
    }

    /// <summary>Every row under the headings, from the start of the file.</summary>
    public IEnumerable<SourceRow> Rows() => ReadAll(headingsOnly: false).Skip(1);

    private IEnumerable<SourceRow> ReadAll(bool headingsOnly)
    {
        stream.Position = 0;
        Broken = null;
        var rows = isSpreadsheet ? Spreadsheet() : Csv();
        return headingsOnly ? rows.Take(1) : rows;
    }

    // A comma always; a line break inside quotes belongs to the value (descriptions run over lines).
    private static readonly CsvReaderOptions CsvOptions = new()
    {
        Separator = ',',
        HasHeader = false,
        SkipEmptyLines = true,
        AllowLineBreaksInQuotes = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
    };

    private IEnumerable<SourceRow> Csv()
    {
        using var reader = CsvReader.Create(stream, CsvOptions, true);
        var line = 1;
        while (true)
        {
            SourceRow row;
            try
            {
                if (!reader.Read())
                {
                    yield break;
                }

                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i) ?? "";
                }

                line = (int)reader.LineNumber;
                row = new SourceRow(line, cells);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // CsvHelper says why in its message, which can quote the cell: say only where.
                Broken = new ImportProblem(line + 1, "", "the file cannot be read from here on (a quoted value that never ends, or a cut-off file)");
                yield break;
            }

            yield return row;
        }
    }

    private IEnumerable<SourceRow> Spreadsheet()
    {
        IEnumerator<dynamic> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            Broken = new ImportProblem(1, "", "this is not an .xlsx spreadsheet that can be read");
            yield break;
        }

        using (rows)
        {
            var line = 0;
            while (true)
            {
                SourceRow row;
                try
                {
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }

                    line++;
                    var cells = ((IDictionary<string, object?>)rows.Current).Values.Select(Text).ToArray();
                    row = new SourceRow(line, cells);
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    Broken = new ImportProblem(line + 1, "", "the spreadsheet cannot be read from here on (a damaged or cut-off file)");
                    yield break;
                }

                if (row.Cells.All(c => c.Length == 0))
                {
                    continue;
                }

                yield return row;
            }
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };

    public void Dispose() => stream.Dispose();
}
