using System.Globalization;
using CsvHelper;

namespace FailingWell.Web.Features.Culture;

/// <summary>One measure's series as a CSV file, written with CsvHelper: a suppressed point says so.</summary>
public static class SeriesCsv
{
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n" };

    public static byte[] Write(CultureView.Series series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, true))
        {
            foreach (var column in new[] { "period_start", "value", "mean", "upper_limit", "lower_limit", "variation" })
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            foreach (var p in series.Points)
            {
                csv.WriteField(p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(p.Value is null ? "suppressed" : Number(p.Value));
                csv.WriteField(Number(p.Spc.Mean));
                csv.WriteField(Number(p.Spc.Upper));
                csv.WriteField(Number(p.Spc.Lower));
                csv.WriteField(p.Spc.Variation.ToString());
                csv.EndRecord();
            }

            csv.Flush();
        }

        return stream.ToArray();
    }

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";
}
