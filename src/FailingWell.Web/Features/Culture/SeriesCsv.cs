using System.Globalization;
using CsvHelper;

namespace FailingWell.Web.Features.Culture;

/// <summary>
/// One measure's series as a CSV file, written with CsvHelper, with what an analyst needs to draw the same
/// chart in R (NHSRplotthedots) or Excel: on every row the measure, its improvement direction and target
/// (empty where none is set); per point whether a recalculation of the limits starts there and which rule
/// (docs/decisions/0060-spc-rule-set.md) flagged it. A suppressed point says so.
/// </summary>
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
            foreach (var column in new[] { "measure", "unit", "improvement_direction", "target", "period_start", "value", "mean", "upper_limit", "lower_limit", "recalculation_starts", "special_cause_rule", "high_or_low", "variation" })
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            var direction = series.Measure.Direction.ToString().ToLowerInvariant();
            foreach (var p in series.Points)
            {
                csv.WriteField(series.Measure.Name);
                csv.WriteField(series.Measure.Unit);
                csv.WriteField(direction);
                Number(csv, series.Target);
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
                csv.WriteField(p.Spc.RecalculationStarts ? "true" : "false");
                csv.WriteField(Rule(p.Spc.Rule));
                csv.WriteField(p.Spc.Rule == SpecialCause.None ? "" : p.Spc.High ? "high" : "low");
                csv.WriteField(p.Spc.Variation.ToString());
                csv.EndRecord();
            }

            csv.Flush();
        }

        return stream.ToArray();
    }

    private static string Rule(SpecialCause rule) => rule switch
    {
        SpecialCause.OutsideLimits => "outside_limits",
        SpecialCause.Trend => "trend",
        SpecialCause.TwoOfThree => "two_of_three",
        SpecialCause.Shift => "shift",
        _ => "none",
    };

    private static void Number(CsvWriter csv, double? value) => csv.WriteField(value, "0.###");
}
