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
