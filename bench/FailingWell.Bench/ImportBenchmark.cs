using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FailingWell.Tests.Support;
using FailingWell.Web.Domain;
using FailingWell.Web.Features.Import;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FailingWell.Bench;

/// <summary>
/// A trust's history brought in at scale: a fresh database per provider, a Datix-like CSV of N rows
/// (its own headings, UK dates, its harm words, locations and categories the default reference data
/// has), the mapping an admin would save for it (a small upload of the file's first rows through the
/// product's UploadExport and SaveMapping handlers, as the import tests do), then the real
/// `import --file --mapping` verb in a child process, as an operator runs it: timed from process start
/// to exit, its peak memory read from /proc while it runs (VmHWM) and as the verb reports it, the
/// imported reports counted in the database afterwards.
/// </summary>
internal static partial class ImportBenchmark
{
    public const string System = "Datix";

    public sealed record Result(string Provider, int Rows, long FileBytes, TimeSpan Import, int PeakMegabytes, int VerbPeakMegabytes, int Imported, string Output);

    private static readonly string[] Headings = ["ID", "Incident date", "Reported date", "Location (exact)", "Type", "Category", "Severity", "Description", "Action taken", "Approval status", "Reporter"];

    // Their words for places and subjects, as the default reference data names them (no new ones to create).
    private static readonly string[] Locations = ["Emergency department", "Acute medical unit", "Elderly care ward", "Theatres", "Maternity unit", "Outpatients", "Stroke unit", "Pharmacy"];
    private static readonly string[] Categories = ["Falls", "Medication", "Pressure ulcers", "Staffing", "Infection control", "Equipment"];
    private static readonly string[] Types = ["Incident", "Near miss", "Incident", "Incident", "Concern"];
    private static readonly (string Word, PhysicalHarm Harm, int Weight)[] Severities =
        [("No harm", PhysicalHarm.None, 55), ("Low harm", PhysicalHarm.Low, 30), ("Moderate harm", PhysicalHarm.Moderate, 10), ("Severe harm", PhysicalHarm.Severe, 4), ("Death", PhysicalHarm.Fatal, 1)];
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private static readonly string[] Stories =
    [
        "Patient found on the floor beside the bed; no injury seen.", "Wrong dose of insulin prepared, noticed before it was given.",
        "Grade 2 pressure ulcer found on the heel at the morning check.", "Ward ran with two nurses short on the night shift.",
        "Hand gel dispensers empty at the bay entrance all afternoon.", "Discharge letter sent without the change to the medicines.",
        "Infusion pump alarmed \"occlusion\" repeatedly; replaced, and sent to medical engineering.",
    ];

    public static async Task<IReadOnlyList<Result>> RunAsync(string web, IReadOnlyList<DatabaseProvider> providers, int rows, Func<BenchTarget, string[], string> verb)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(verb);
        using var server = providers.Contains(DatabaseProvider.PostgreSql) ? PrivatePostgres.Start(forTests: false) : null;
        var results = new List<Result>();
        foreach (var provider in providers)
        {
            using var database = provider == DatabaseProvider.PostgreSql ? BenchTarget.Postgres(server!) : BenchTarget.Sqlite("import.db");
            verb(database, ["migrate"]);
            var file = Path.Combine(database.Folder, "datix-export.csv");
            var writing = Stopwatch.StartNew();
            WriteCsv(file, rows, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
            Console.Error.WriteLine($"{database.Name}: wrote {rows:N0} rows ({new FileInfo(file).Length / (1 << 20):N0} MB) in {writing.Elapsed.TotalSeconds:0.0} s.");
            await SaveMappingAsync(database, file);

            var (elapsed, peak, output) = await RunVerbAsync(web, database, ["import", "--file", file, "--mapping", System]);
            var verbPeak = PeakPattern().Match(output);
            results.Add(new Result(database.Name, rows, new FileInfo(file).Length, elapsed, peak,
                verbPeak.Success ? int.Parse(verbPeak.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : -1,
                await CountImportedAsync(database), output));
            File.Delete(file);
        }

        return results;
    }

    public static void Print(IReadOnlyList<Result> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Console.WriteLine();
        Console.WriteLine($"Import of a Datix-like CSV with the `import --file --mapping` verb; {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores.");
        Console.WriteLine("| Provider | Rows | File | Import (verb, start to exit) | Peak memory (VmHWM; as the verb says) | Reports imported (counted) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Provider} | {r.Rows:N0} | {r.FileBytes / (1 << 20):N0} MB | {r.Import.TotalSeconds:0.0} s | {r.PeakMegabytes:N0} MB; {r.VerbPeakMegabytes:N0} MB | {r.Imported:N0} |"));
        }
    }

    /// <summary>Rows as Datix writes them: a byte order mark, CRLF, UK dates with a time, quoted cells where needed; seeded, so the same each run.</summary>
    public static void WriteCsv(string path, int rows, DateOnly lastDay)
    {
        var random = new Random(43);
        var firstDay = lastDay.AddYears(-3);
        var span = lastDay.DayNumber - firstDay.DayNumber;
        var severityTotal = Severities.Sum(s => s.Weight);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', Headings));
        var cells = new string[Headings.Length];
        for (var i = 0; i < rows; i++)
        {
            // Reporting rises through the years (worse before better): later days drawn more often.
            var day = firstDay.AddDays((int)(span * Math.Sqrt(random.NextDouble())));
            var reported = day.AddDays(Math.Min(Math.Max(0, random.Next(-2, 3)), lastDay.DayNumber - day.DayNumber)); // most the same day
            var kind = Types[random.Next(Types.Length)];
            var severity = "No harm";
            if (kind == "Incident")
            {
                var pick = random.Next(severityTotal);
                foreach (var s in Severities)
                {
                    if ((pick -= s.Weight) < 0)
                    {
                        severity = s.Word;
                        break;
                    }
                }
            }

            cells[0] = "W" + (100_000 + i).ToString(CultureInfo.InvariantCulture);
            cells[1] = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + string.Create(CultureInfo.InvariantCulture, $" {random.Next(24):00}:{random.Next(4) * 15:00}");
            cells[2] = reported.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            cells[3] = Locations[random.Next(Locations.Length)];
            cells[4] = kind;
            cells[5] = Categories[random.Next(Categories.Length)];
            cells[6] = severity;
            cells[7] = Stories[random.Next(Stories.Length)];
            cells[8] = random.Next(3) switch { 0 => "", 1 => "Escalated to the nurse in charge.", _ => "Checked by a second nurse, then the doctor." };
            cells[9] = random.Next(10) == 0 ? "Being reviewed" : "Finally approved";
            cells[10] = "Staff member " + random.Next(1, 400).ToString(CultureInfo.InvariantCulture); // never mapped: not stored
            for (var c = 0; c < cells.Length; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                var cell = cells[c];
                if (cell.AsSpan().IndexOfAny(NeedsQuotes) >= 0)
                {
                    writer.Write('"');
                    writer.Write(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
                    writer.Write('"');
                }
                else
                {
                    writer.Write(cell);
                }
            }

            writer.WriteLine();
        }
    }

    /// <summary>
    /// The mapping saved as the page saves it: the file's first rows uploaded (UploadExport), the columns and then the
    /// words saved (SaveMapping), the upload discarded (DiscardUpload); the product's handlers, called without the
    /// mediator's pipeline (no admin signed in, so no audit entry for these three).
    /// </summary>
    private static async Task SaveMappingAsync(BenchTarget database, string file)
    {
        await using var app = Host(database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
        var time = new UkTime(TimeProvider.System);
        var head = string.Join("\r\n", File.ReadLines(file).Take(21)) + "\r\n";
        var upload = await new UploadExport.Handler(db, time).Handle(
            new UploadExport.Command { SourceSystem = System, FileName = "datix-export.csv", Content = Encoding.UTF8.GetBytes(head) }, CancellationToken.None);
        var mapping = new SaveMapping.Handler(db, time);
        await mapping.Handle(new SaveMapping.Command
        {
            UploadId = upload,
            DateFormat = ImportMap.UkDates,
            Columns = [.. new (ImportField, string)[]
            {
                (ImportField.SourceReference, "ID"), (ImportField.OccurredOn, "Incident date"), (ImportField.ReportedOn, "Reported date"),
                (ImportField.Location, "Location (exact)"), (ImportField.Kind, "Type"), (ImportField.Category, "Category"), (ImportField.Harm, "Severity"),
                (ImportField.Description, "Description"), (ImportField.ActionTaken, "Action taken"), (ImportField.Status, "Approval status"),
            }.Select(c => new SaveMapping.ColumnChoice { Field = c.Item1, Heading = c.Item2 })],
        }, CancellationToken.None);
        var locations = await db.Locations.AsNoTracking().Where(l => Locations.Contains(l.Name)).ToDictionaryAsync(l => l.Name, l => l.Id);
        var categories = await db.Categories.AsNoTracking().Where(c => Categories.Contains(c.Name)).ToDictionaryAsync(c => c.Name, c => c.Id);
        if (locations.Count != Locations.Length || categories.Count != Categories.Length)
        {
            throw new InvalidOperationException("The default reference data no longer has every location and category the benchmark's file names.");
        }

        var words = new List<(ImportField Field, string Word, string Target)>
        {
            (ImportField.Kind, "Incident", nameof(ReportKind.Incident)), (ImportField.Kind, "Near miss", nameof(ReportKind.NearMiss)), (ImportField.Kind, "Concern", nameof(ReportKind.Concern)),
            (ImportField.Status, "Finally approved", nameof(ReportStatus.Closed)), (ImportField.Status, "Being reviewed", nameof(ReportStatus.UnderReview)),
        };
        words.AddRange(Severities.Select(s => (ImportField.Harm, s.Word, Enum.GetName(s.Harm)!)));
        words.AddRange(locations.Select(l => (ImportField.Location, l.Key, l.Value.ToString(CultureInfo.InvariantCulture))));
        words.AddRange(categories.Select(c => (ImportField.Category, c.Key, c.Value.ToString(CultureInfo.InvariantCulture))));
        await mapping.Handle(new SaveMapping.Command
        {
            UploadId = upload,
            Words = [.. words.Select(w => new SaveMapping.WordChoice { Field = w.Field, Word = w.Word, Target = w.Target })],
        }, CancellationToken.None);
        await new DiscardUpload.Handler(db).Handle(new DiscardUpload.Command { UploadId = upload }, CancellationToken.None);
    }

    private static async Task<int> CountImportedAsync(BenchTarget database)
    {
        await using var app = Host(database);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FailingWellDbContext>().Reports.CountAsync(r => r.IsImported);
    }

    /// <summary>The app's own DbContext on the benchmark's database, as the app registers it.</summary>
    private static WebApplication Host(BenchTarget database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = database.Folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:FailingWell"] = database.ConnectionString,
        });
        builder.Logging.ClearProviders();
        builder.AddFailingWellDatabase();
        return builder.Build();
    }

    /// <summary>The verb as an operator runs it; its peak resident memory read from /proc every 100 ms, its progress lines echoed with the time they came.</summary>
    private static async Task<(TimeSpan Elapsed, int PeakMegabytes, string Output)> RunVerbAsync(string web, BenchTarget database, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(web);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        database.Apply(start);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        BehindTls.AddKeyRingCertificate(start);
        start.Environment["Database__MigrateOnStart"] = "true"; // as every other verb the benchmark runs
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var output = new StringBuilder();
        var error = new StringBuilder();
        var timer = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }

                Console.Error.WriteLine($"  [{timer.Elapsed.TotalSeconds,6:0.0} s] {line}");
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (error)
                {
                    error.AppendLine(line);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peakKilobytes = 0L;
        var status = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        peakKilobytes = Math.Max(peakKilobytes, long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (IOException)
            {
                // Gone between the check and the read.
            }

            await Task.Delay(100);
        }

        await process.WaitForExitAsync();
        timer.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }

        return (timer.Elapsed, (int)(peakKilobytes / 1024), output.ToString());
    }

    [GeneratedRegex(@"Peak memory ([\d,]+) MB")]
    private static partial Regex PeakPattern();
}
