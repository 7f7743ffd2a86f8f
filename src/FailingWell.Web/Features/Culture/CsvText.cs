using System.Text;

namespace FailingWell.Web.Features.Culture;

/// <summary>Reads simple CSV (commas, double-quoted fields, a header row), keeping each row's line number.</summary>
public static class CsvText
{
    public sealed record Row(int Line, IReadOnlyList<string> Fields);

    public static IReadOnlyList<Row> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<Row>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            rows.Add(new Row(i + 1, Fields(lines[i].TrimStart('\uFEFF'))));
        }

        return rows;
    }

    /// <summary>The text of an uploaded file, or null with a message at the file field when there is none.</summary>
    public static async Task<string?> ReadUploadAsync(Microsoft.AspNetCore.Http.IFormFile? upload, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
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
    /// Checks the header, then turns each row into a value or a list of problems. Every problem is
    /// reported as "Line N: ..."; the caller imports nothing unless there are none.
    /// </summary>
    public static (List<T> Rows, List<string> Errors) Read<T, TKey>(string text, string header, Func<Row, List<string>, T?> parse, Func<T, TKey> key, Func<T, string> describe)
        where T : class
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(parse);
        var rows = Parse(text);
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
            var value = parse(row, problems);
            if (value is not null && problems.Count == 0 && !parsed.TryAdd(key(value), value))
            {
                problems.Add($"{describe(value)} appears twice in the file");
            }

            errors.AddRange(problems.Select(p => $"Line {row.Line}: {p}"));
        }

        return ([.. parsed.Values], errors);
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
