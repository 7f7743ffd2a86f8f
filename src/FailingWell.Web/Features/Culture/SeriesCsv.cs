using System.Globalization;
using CsvHelper;

namespace FailingWell.Web.Features.Culture;

/// <summary>One measure's series as a CSV file, written with CsvHelper: a suppressed point says so.</summary>
public static class SeriesCsv
{
    // Text that starts like a formula is escaped; the numbers are written as numbers, so -0.5 stays -0.5.
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", Injection = CsvInjection.Escape };

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
                if (p.Value is null)
                {
                    csv.WriteField("suppressed");
                }
                else
                {
                    Number(csv, p.Value);
                }

                Number(csv, p.Spc.Mean);
                Number(csv, p.Spc.Upper);
                Number(csv, p.Spc.Lower);
                csv.WriteField(p.Spc.Variation.ToString());
                csv.EndRecord();
            }

            csv.Flush();
        }

        return stream.ToArray();
    }

    private static void Number(CsvWriter csv, double? value) => csv.WriteField(value, "0.###");
}
