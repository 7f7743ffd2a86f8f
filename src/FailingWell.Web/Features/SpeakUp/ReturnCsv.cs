using System.Globalization;
using CsvHelper;

namespace FailingWell.Web.Features.SpeakUp;

/// <summary>The quarterly return as a CSV file (CsvHelper): one row per measure, one column per quarter, "*" where suppressed.</summary>
public static class ReturnCsv
{
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", Injection = CsvInjection.Escape };

    public static byte[] Write(QuarterlyReturn.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, true))
        {
            csv.WriteField("section");
            csv.WriteField("measure");
            foreach (var quarter in result.Quarters)
            {
                csv.WriteField(quarter.Key);
            }

            csv.EndRecord();
            foreach (var row in result.Rows)
            {
                csv.WriteField(row.Section);
                csv.WriteField(row.Measure);
                foreach (var value in row.Values)
                {
                    csv.WriteField(value);
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        return stream.ToArray();
    }

    public static string FileName(QuarterlyReturn.Result result) =>
        string.Create(CultureInfo.InvariantCulture, $"speak-up-return-{result.Quarters[^1].Key.Replace(' ', '-')}.csv");
}
