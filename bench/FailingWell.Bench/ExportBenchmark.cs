using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FailingWell.Tests.Support;
using FailingWell.Web.Infrastructure.Data;

namespace FailingWell.Bench;

/// <summary>
/// Taking everything out at scale: a fresh database per provider seeded fast (ScaleSeed's prepared
/// inserts on SQLite, PostgresSeed's binary COPY on PostgreSQL), then the real `export --out` verb, as an
/// operator runs it, timed from process start to exit; its peak memory is what the verb reports of itself.
/// </summary>
internal static partial class ExportBenchmark
{
    public sealed record Result(string Provider, int Reports, TimeSpan Seeding, TimeSpan Export, int PeakMegabytes, long ZipBytes, string Rows);

    public static async Task<IReadOnlyList<Result>> RunAsync(IReadOnlyList<DatabaseProvider> providers, int reports, int divisions, int years, Func<BenchTarget, string[], string> verb)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(verb);
        using var server = providers.Contains(DatabaseProvider.PostgreSql) ? PrivatePostgres.Start(forTests: false) : null;
        var results = new List<Result>();
        foreach (var provider in providers)
        {
            using var database = provider == DatabaseProvider.PostgreSql ? BenchTarget.Postgres(server!) : BenchTarget.Sqlite("export.db");
            verb(database, ["migrate"]);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var seeded = provider == DatabaseProvider.PostgreSql
                ? await PostgresSeed.RunAsync(database.ConnectionString, reports, divisions, years, today, keepUnique: false)
                : await ScaleSeed.RunAsync(database.File!, reports, divisions, years, today);
            if (provider == DatabaseProvider.PostgreSql)
            {
                await PostgresSeed.VacuumAsync(database.ConnectionString);
            }

            var zip = Path.Combine(database.Folder, "everything.zip");
            var timer = Stopwatch.StartNew();
            var output = verb(database, ["export", "--out", zip]);
            timer.Stop();
            var peak = PeakPattern().Match(output);
            var rows = RowsPattern().Match(output);
            results.Add(new Result(database.Name, seeded.Reports, seeded.Elapsed, timer.Elapsed,
                peak.Success ? int.Parse(peak.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : -1,
                new FileInfo(zip).Length, rows.Success ? rows.Groups[1].Value : "?"));
            File.Delete(zip);
        }

        return results;
    }

    public static void Print(IReadOnlyList<Result> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Console.WriteLine($"Export of everything with the `export --out` verb; {Environment.ProcessorCount} cores.");
        Console.WriteLine("| Provider | Reports | Seeding | Export (verb, start to exit) | Peak memory of the verb | Zip size | reports.csv rows |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Provider} | {r.Reports:N0} | {r.Seeding.TotalSeconds:0.0} s | {r.Export.TotalSeconds:0.0} s | {r.PeakMegabytes:N0} MB | {r.ZipBytes / (1 << 20):N0} MB | {r.Rows} |"));
        }
    }

    [GeneratedRegex(@"Peak memory ([\d,]+) MB")]
    private static partial Regex PeakPattern();

    [GeneratedRegex(@"reports\.csv ([\d,]+) rows")]
    private static partial Regex RowsPattern();
}
