// The tests' fake LFPSE, compiled in here, relies on the test project's global using of System.Net.
global using System.Net;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FailingWell.Tests.Support;
using FailingWell.Web.Domain;
using FailingWell.Web.Features.Lfpse;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FailingWell.Bench;

/// <summary>
/// LFPSE first switched on at a large trust: a backlog of confirmed safety reports, each with its outbox
/// row holding the JSON the real mapper made, delivered by the real <see cref="LfpseDelivery"/> (as its
/// scheduled job runs it) to the tests' fake LFPSE answering every request after a delay. The fake
/// checks every body against the shipped taxonomy; each description carries a bench number, so the
/// fake's own record shows whether any event was posted twice.
/// </summary>
internal static partial class LfpseBenchmark
{
    public sealed record Result(int Reports, int Concurrency, int BatchSize, TimeSpan Delay, TimeSpan Seeding, TimeSpan Elapsed,
        int Runs, int Posts, int DistinctEvents, int PostedTwice, int Refused, int SentRows, int OtherRows)
    {
        public double RequestsPerSecond => Posts / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(string web, Action<BenchTarget> migrate, int reports, int concurrency, int batchSize, TimeSpan delay)
    {
        using var database = BenchTarget.Sqlite("lfpse.db");
        migrate(database);
        // The fake's Kestrel would log each of the requests at Information (it reads this process's environment).
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        await using var lfpse = await FakeLfpse.StartAsync();
        lfpse.Delay = delay;

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = database.Folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:FailingWell"] = database.ConnectionString,
            ["Lfpse:BaseUrl"] = lfpse.BaseUrl,
            ["Lfpse:SubscriptionKey"] = FakeLfpse.Key,
            ["Lfpse:OdsCode"] = "RRV",
            ["Lfpse:Concurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["Lfpse:BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
        });
        builder.Logging.ClearProviders();
        builder.AddFailingWellDatabase();
        // The delivery's own services, as LfpseModule registers them (without the Quartz schedule: the bench runs the job's loop itself).
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<LfpseSettings>(builder.Configuration.GetSection(LfpseSettings.Section));
        builder.Services.AddTransient<LfpseKeyHandler>();
        builder.Services.AddHttpClient(LfpseClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).AddHttpMessageHandler<LfpseKeyHandler>();
        builder.Services.AddScoped<LfpseClient>();
        builder.Services.AddScoped<LfpseDelivery>();
        await using var app = builder.Build();

        var seeding = Stopwatch.StartNew();
        await SeedAsync(app.Services, reports);
        seeding.Stop();
        Console.WriteLine($"Seeded {reports:N0} confirmed reports with their outbox rows in {seeding.Elapsed.TotalSeconds:0.0} s; delivering at concurrency {concurrency}, batches of {batchSize}, answers after {delay.TotalMilliseconds:0} ms.");

        var timer = Stopwatch.StartNew();
        var runs = 0;
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var result = await scope.ServiceProvider.GetRequiredService<LfpseDelivery>().DeliverAllDueAsync(CancellationToken.None);
                runs++;
                if (result.Sent + result.Failed + result.ToCheck == 0)
                {
                    break;
                }
            }
        }

        timer.Stop();
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<FailingWellDbContext>();
        var sentRows = await db.LfpseOutbox.CountAsync(i => i.Status == LfpseState.Sent && i.Attempts == 1);
        var otherRows = await db.LfpseOutbox.CountAsync() - sentRows;
        var posts = lfpse.Requests.Where(r => r.Method == "POST").ToList();
        var perEvent = posts.Select(r => BenchNumber().Match(r.Body).Value).GroupBy(n => n).ToList();
        return new Result(reports, concurrency, batchSize, delay, seeding.Elapsed, timer.Elapsed, runs,
            posts.Count, perEvent.Count, perEvent.Count(g => g.Count() > 1), lfpse.Requests.Count(r => r.Problems.Count > 0), sentRows, otherRows);
    }

    public static void Print(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Console.WriteLine();
        Console.WriteLine($"LFPSE backlog: {result.Reports:N0} confirmed reports on SQLite, the fake LFPSE answering after {result.Delay.TotalMilliseconds:0} ms, concurrency {result.Concurrency}, batches of {result.BatchSize}; {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores:");
        Console.WriteLine();
        Console.WriteLine("| measure | this run | goal |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine($"| backlog delivered (outbox empty) | {result.Elapsed.TotalSeconds:0.0} s ({result.Elapsed.TotalMinutes:0.0} min, {result.Runs} runs of the job's loop) | under 10 min |");
        Console.WriteLine($"| requests a second | {result.RequestsPerSecond:0.0} | ({result.Concurrency / result.Delay.TotalSeconds:0} at most at this concurrency) |");
        Console.WriteLine($"| POSTs received / distinct events / events posted twice | {result.Posts:N0} / {result.DistinctEvents:N0} / {result.PostedTwice} | {result.Reports:N0} / {result.Reports:N0} / 0 |");
        Console.WriteLine($"| bodies refused by the fake's taxonomy checks | {result.Refused} | 0 |");
        Console.WriteLine($"| outbox rows sent at the first attempt / any other | {result.SentRows:N0} / {result.OtherRows} | {result.Reports:N0} / 0 |");
        Console.WriteLine($"| seeding (not timed above) | {result.Seeding.TotalSeconds:0.0} s | |");
    }

    /// <summary>Synthetic reports made safety events, confirmed through the real mapper, one outbox row each (as ConfirmLfpseEvent writes it).</summary>
    private static async Task SeedAsync(IServiceProvider services, int reports)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
            await ScaleSeed.RunAsync(db, reports, divisions: 20, years: 1, DateOnly.FromDateTime(DateTime.UtcNow));
            await db.Reports.ExecuteUpdateAsync(u => u.SetProperty(r => r.Stream, GovernanceStream.PatientSafety).SetProperty(r => r.PersonAffected, PersonAffected.Patient));
            await db.Divisions.ExecuteUpdateAsync(u => u.SetProperty(d => d.LfpseServiceArea, "1").SetProperty(d => d.LfpseSpecialty, "2"));
            await db.Locations.ExecuteUpdateAsync(u => u.SetProperty(l => l.LfpseLocationWithinService, "4"));
            await db.Categories.ExecuteUpdateAsync(u => u.SetProperty(c => c.LfpseInvolvedAgents, "10").SetProperty(c => c.LfpseSafetyChallenges, "6"));
            await db.StaffGroups.ExecuteUpdateAsync(u => u.SetProperty(s => s.LfpseStaffType, "9"));
        }

        var settings = services.GetRequiredService<IOptions<LfpseSettings>>().Value;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var lastId = 0;
        var number = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
            var chunk = await db.Reports.Where(r => r.Id > lastId).OrderBy(r => r.Id).Take(1000).ToListAsync();
            if (chunk.Count == 0)
            {
                return;
            }

            foreach (var report in chunk)
            {
                number++;
                var answers = new ConfirmAnswers
                {
                    Description = $"{report.WhatHappened} (bench event {number:D6})",
                    LevelOfConcern = report.Kind is ReportKind.Incident or ReportKind.NearMiss ? "4" : null,
                    RiskImminent = report.Kind == ReportKind.Concern ? "n" : null,
                    HowFutureOccurrence = report.Kind == ReportKind.GoodPractice ? "Keep doing it." : null,
                };
                var draft = await LfpseDrafts.BuildAsync(db, report, answers, today, settings, CancellationToken.None);
                if (!draft.Mapped.IsComplete)
                {
                    throw new InvalidOperationException($"Report {report.Id} would not be sent: {string.Join(" ", draft.Mapped.Missing)}");
                }

                draft.Answers.ConfirmedOn = today;
                db.LfpseEvents.Add(draft.Answers);
                var now = DateTime.UtcNow;
                db.LfpseOutbox.Add(new LfpseOutboxItem
                {
                    Id = Guid.NewGuid(),
                    ReportId = report.Id,
                    Operation = LfpseOperation.Create,
                    Payload = LfpseJson.Write(draft.Mapped.Event!),
                    Status = LfpseState.Pending,
                    Sequence = now.Ticks,
                    NextAttemptAtUtc = now,
                });
            }

            await db.SaveChangesAsync();
            lastId = chunk[^1].Id;
        }
    }

    [GeneratedRegex("bench event [0-9]{6}")]
    private static partial Regex BenchNumber();

    private sealed class ConfirmAnswers : ILfpseAnswers
    {
        public string? Description { get; init; }

        public string? ImmediateActions { get; init; }

        public string? LevelOfConcern { get; init; }

        public string? RiskImminent { get; init; }

        public string? HowFutureOccurrence { get; init; }

        public bool? DutyOfCandour { get; init; }

        public bool? NeverEvent { get; init; }

        public string? NeverEventType { get; init; }

        public bool? SeriousIncident { get; init; }
    }
}
