using System.Linq.Expressions;
using CsvHelper;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Culture;

/// <summary>
/// What the CSV imports share. CsvHelper reads the file (commas, double-quoted fields, a header row),
/// keeping each record's line number. A file with any bad row imports nothing: every problem is
/// reported at the file field as "Line N: ...".
/// </summary>
public static class CsvImport
{
    /// <summary>An administrator's import: the text of the file, imported whole or not at all.</summary>
    public abstract class Command : Change<int>
    {
        public string Text { get; set; } = "";
    }

    // A comma, never a guessed separator; a line break always ends a record, so one stray quote cannot
    // swallow the lines after it and line numbers stay the lines people see in a spreadsheet.
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = false,
        SkipEmptyLines = true,
        AllowLineBreaksInQuotes = false,
        TrimWhitespace = true,
        TrimInsideQuotes = true,
        TrackLineNumbers = true,
    };

    /// <summary>The text of an uploaded file, or null with a message at the file field when there is none.</summary>
    public static async Task<string?> ReadUploadAsync(IFormFile? upload, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (upload is null || upload.Length == 0)
        {
            modelState.AddModelError("File", "Choose a CSV file to import");
            return null;
        }

        using var reader = new StreamReader(upload.OpenReadStream());
        return await reader.ReadToEndAsync();
    }

    /// <summary>
    /// Checks the header, then turns each row into a value or a list of problems, and a value that
    /// appears twice into a problem too. Throws the problems as the command's validation failures
    /// when there are any, so nothing is imported.
    /// </summary>
    public static IReadOnlyList<T> Read<T, TKey>(Command command, string header, Func<IReadOnlyList<string>, List<string>, T?> parse, Func<T, TKey> key, Func<T, string> describe)
        where T : class
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(parse);
        var rows = Records(command.Text);
        var errors = new List<string>();
        var parsed = new Dictionary<TKey, T>();
        if (rows.Count == 0 || !string.Equals(string.Join(',', rows[0].Fields), header, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Line 1: the first line must be the header {header}");
        }

        var columns = header.Split(',').Length;
        foreach (var row in rows.Skip(1))
        {
            if (row.Fields.Count != columns)
            {
                errors.Add($"Line {row.Line}: expected {columns} values, found {row.Fields.Count}");
                continue;
            }

            var problems = new List<string>();
            var value = parse(row.Fields, problems);
            if (value is not null && problems.Count == 0 && !parsed.TryAdd(key(value), value))
            {
                problems.Add($"{describe(value)} appears twice in the file");
            }

            errors.AddRange(problems.Select(p => $"Line {row.Line}: {p}"));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(command.GetType(), errors.Select(e => new ValidationFailure("File", e)));
        }

        return [.. parsed.Values];
    }

    /// <summary>Adds each imported row, or updates the row already stored for the same key.</summary>
    public static async Task UpsertAsync<T>(DbSet<T> set, IEnumerable<T> rows, Func<T, Expression<Func<T, bool>>> sameAs, Action<T, T> update, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sameAs);
        ArgumentNullException.ThrowIfNull(update);
        foreach (var row in rows)
        {
            var existing = await set.SingleOrDefaultAsync(sameAs(row), cancellationToken);
            if (existing is null)
            {
                set.Add(row);
            }
            else
            {
                update(existing, row);
            }
        }
    }

    private static List<Row> Records(string text)
    {
        var rows = new List<Row>();
        using var reader = CsvReader.FromText(text.TrimStart('\uFEFF'), Options);
        while (reader.Read())
        {
            rows.Add(new Row((int)reader.LineNumber, reader.Current.ToArray()));
        }

        return rows;
    }

    private sealed record Row(int Line, IReadOnlyList<string> Fields);
}
