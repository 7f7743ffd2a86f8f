using System.Diagnostics;
using System.Globalization;
using FailingWell.Web.Domain;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace FailingWell.Bench;

/// <summary>
/// Fills a database with synthetic reports for scale testing and benchmarks: prepared, batched
/// inserts in large transactions, with a fixed random seed so every run makes the same data.
/// Synthetic reports have no usable receipt code.
/// </summary>
public static class ScaleSeed
{
    /// <param name="Indexing">Of <paramref name="Elapsed"/>, the time spent building indexes after the load.</param>
    public sealed record Result(int Reports, int Divisions, TimeSpan Elapsed, TimeSpan Indexing)
    {
        public double RowsPerSecond => Reports / Elapsed.TotalSeconds;
    }

    /// <summary>Seeds the SQLite database file at <paramref name="path"/>, already migrated by the application.</summary>
    public static async Task<Result> RunAsync(string path, int reports, int divisions, int years, DateOnly until)
    {
        var options = new DbContextOptionsBuilder<FailingWellDbContext>().UseSqlite($"Data Source={path}").Options;
        await using var db = new FailingWellDbContext(options);
        return await RunAsync(db, reports, divisions, years, until);
    }

    public static async Task<Result> RunAsync(FailingWellDbContext db, int reports, int divisions, int years, DateOnly until, int seed = 20130701, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            throw new NotSupportedException("The scale seed writes to SQLite; seed SQL Server by restoring a seeded SQLite export or with its own bulk copy.");
        }

        var divisionIds = await EnsureDivisionsAsync(db, divisions, cancellationToken);
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.DefaultStream }).ToListAsync(cancellationToken);
        var staffGroups = await db.StaffGroups.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken);
        // References are random and unique (docs/decisions/0050), like live ones.
        var usedReferences = (await db.Reports.AsNoTracking().Select(r => new { r.ReferenceYear, r.ReferenceNumber }).ToListAsync(cancellationToken))
            .Select(r => (r.ReferenceYear, r.ReferenceNumber)).ToHashSet();
        var random = new Random(seed);
        var first = until.AddYears(-years);
        var days = until.DayNumber - first.DayNumber;
        var salt = new byte[16];
        var hash = new byte[32];
        // Each day's text once, not once a row.
        var dayText = Enumerable.Range(0, days + 200).Select(d => first.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        string Day(DateOnly date) => dayText[date.DayNumber - first.DayNumber];
        var timer = Stopwatch.StartNew();

        // Reports arrive in date order, as in a live system, so ids rise with the received date.
        var positions = new double[reports];
        for (var i = 0; i < reports; i++)
        {
            positions[i] = Math.Sqrt(random.NextDouble());
        }

        Array.Sort(positions);

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-200000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        // Indexes are dropped for the load and built again once at the end: far faster than keeping
        // thirteen of them up to date row by row.
        var indexes = await SchemaObjectsAsync(connection, "index", cancellationToken);

        // The full-text index's triggers likewise: the index is rebuilt in one pass at the end.
        var triggers = await SchemaObjectsAsync(connection, "trigger", cancellationToken);

        foreach (var (name, kind) in indexes.Select(i => (i.Name, "INDEX")).Concat(triggers.Select(t => (t.Name, "TRIGGER"))))
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP {kind} \"{name}\"";
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        const string columns = "Reference, ReferenceYear, ReferenceNumber, Kind, WhatHappened, OccurredOn, OccurredBand, DivisionId, PersonAffected, PhysicalHarm, PsychologicalHarm, CategoryId, Stream, StaffGroupId, IsAnonymous, ReceivedOn, ReceivedBand, Status, AcknowledgeBy, FeedbackBy, FeedbackGivenOn, AcknowledgedOn, ClosedOn, Version, SubmissionId, ReceiptLocator, ReceiptSalt, ReceiptHash, ReceiptVerifier";
        var names = columns.Split(", ");
        const int batch = 50_000;
        // Straight to SQLite's own API: through ADO.NET, binding 28 named parameters a row costs more
        // than inserting the row.
        var handle = connection.Handle!;
        Check(handle, raw.sqlite3_prepare_v2(handle, $"INSERT INTO Reports ({columns}) VALUES ({string.Join(", ", names.Select(_ => "?"))})", out var insert));
        using var statement = insert;
        var p = new object?[names.Length];
        for (var done = 0; done < reports; done += batch)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            for (var i = done; i < Math.Min(reports, done + batch); i++)
            {
                // Reporting grows over time (the culture story); harm is mostly none or low.
                var position = positions[i];
                var received = first.AddDays((int)(position * days));
                var kindRoll = random.NextDouble();
                var kind = kindRoll < 0.55 ? ReportKind.Incident : kindRoll < 0.8 ? ReportKind.NearMiss : kindRoll < 0.95 ? ReportKind.Concern : ReportKind.GoodPractice;
                var harmRoll = random.NextDouble();
                var harm = kind != ReportKind.Incident ? PhysicalHarm.None
                    : harmRoll < 0.62 ? PhysicalHarm.None : harmRoll < 0.9 ? PhysicalHarm.Low : harmRoll < 0.985 ? PhysicalHarm.Moderate : harmRoll < 0.998 ? PhysicalHarm.Severe : PhysicalHarm.Fatal;
                var category = categories[random.Next(categories.Count)];
                var year = received.Year;
                int number;
                do
                {
                    number = random.Next(ReportReference.Space);
                }
                while (!usedReferences.Add((year, number)));
                // A working backlog: half the last three months still open, the last fortnight partly
                // unread, and a few older reports still open past their feedback date (overdue).
                var age = until.DayNumber - received.DayNumber;
                var status = age > 90 ? (random.NextDouble() < 0.004 ? ReportStatus.UnderReview : ReportStatus.Closed)
                    : age <= 14 && random.NextDouble() < 0.4 ? ReportStatus.New
                    : random.NextDouble() < 0.5 ? ReportStatus.Closed : ReportStatus.UnderReview;
                var closed = status == ReportStatus.Closed;
                var acknowledged = received.AddDays(random.Next(0, 12));
                acknowledged = acknowledged > until ? until : acknowledged;
                p[0] = ReportReference.Format(year, number);
                p[1] = year;
                p[2] = number;
                p[3] = (int)kind;
                p[4] = SyntheticText[random.Next(SyntheticText.Length)];
                p[5] = Day(received);
                p[6] = random.Next(1, 5);
                p[7] = random.NextDouble() < 0.03 ? DBNull.Value : divisionIds[random.Next(divisionIds.Count)];
                p[8] = random.Next(1, 5);
                p[9] = (int)harm;
                p[10] = harm == PhysicalHarm.None ? 0 : random.Next(0, 3);
                p[11] = category.Id;
                p[12] = (int)category.DefaultStream;
                p[13] = random.NextDouble() < 0.3 ? DBNull.Value : staffGroups[random.Next(staffGroups.Count)];
                p[14] = random.NextDouble() < 0.7 - (0.4 * position) ? 1 : 0;
                p[15] = Day(received);
                p[16] = random.Next(1, 5);
                p[17] = (int)status;
                p[18] = Day(received.AddDays(7));
                p[19] = Day(received.AddMonths(3));
                p[20] = closed ? Day(received.AddDays(random.Next(5, 80))) : DBNull.Value;
                p[21] = status == ReportStatus.New ? DBNull.Value : Day(acknowledged);
                p[22] = closed ? Day(received.AddDays(random.Next(10, 90))) : DBNull.Value;
                p[23] = Guid.NewGuid().ToString().ToUpperInvariant();
                p[24] = Guid.NewGuid().ToString().ToUpperInvariant();
                p[25] = "S" + i.ToString("X7", CultureInfo.InvariantCulture);
                p[26] = salt;
                p[27] = hash;
                p[28] = (int)ReceiptVerifier.HmacSha256;
                Insert(handle, insert, p);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var loaded = timer.Elapsed;

        // Index builds sort; SQLite may use helper threads for that.
        await using (var threads = connection.CreateCommand())
        {
            threads.CommandText = $"PRAGMA threads = {Math.Max(1, Environment.ProcessorCount)};";
            await threads.ExecuteNonQueryAsync(cancellationToken);
        }

        var rebuildText = triggers.Count > 0 ? ["INSERT INTO ReportText(ReportText) VALUES ('rebuild')"] : Array.Empty<string>();
        foreach (var sql in indexes.Select(i => i.Sql).Concat(triggers.Select(t => t.Sql)).Concat(rebuildText))
        {
            await using var create = connection.CreateCommand();
            create.CommandText = sql;
            create.CommandTimeout = 0;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var analyse = connection.CreateCommand())
        {
            analyse.CommandText = "PRAGMA synchronous=NORMAL; ANALYZE;";
            await analyse.ExecuteNonQueryAsync(cancellationToken);
        }

        return new Result(reports, divisionIds.Count, timer.Elapsed, timer.Elapsed - loaded);
    }

    /// <summary>A few kinds of sentence, so a text search finds some reports and not others.</summary>
    private static readonly string[] SyntheticText =
    [
        "Synthetic report for scale testing: a patient fell getting out of bed at night.",
        "Synthetic report for scale testing: a medicine was given late on the ward round.",
        "Synthetic report for scale testing: the lift to theatres was out of order again.",
        "Synthetic report for scale testing: a porter waited forty minutes for a wheelchair.",
        "Synthetic report for scale testing: hand gel dispensers were empty in the corridor.",
        "Synthetic report for scale testing: a pressure ulcer was found on admission.",
        "Synthetic report for scale testing: the night team handed over clearly and calmly.",
        "Synthetic report for scale testing: a sharps bin was overfilled in the sluice.",
    ];

    private static void Insert(sqlite3 handle, sqlite3_stmt statement, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var at = i + 1;
            Check(handle, values[i] switch
            {
                int number => raw.sqlite3_bind_int(statement, at, number),
                string text => raw.sqlite3_bind_text(statement, at, text),
                byte[] bytes => raw.sqlite3_bind_blob(statement, at, bytes),
                _ => raw.sqlite3_bind_null(statement, at),
            });
        }

        Check(handle, raw.sqlite3_step(statement), raw.SQLITE_DONE);
        Check(handle, raw.sqlite3_reset(statement));
    }

    private static void Check(sqlite3 handle, int result, int expected = raw.SQLITE_OK)
    {
        if (result != expected)
        {
            throw new InvalidOperationException($"SQLite said {result}: {raw.sqlite3_errmsg(handle).utf8_to_string()}");
        }
    }

    /// <summary>The Reports table's indexes or triggers, with the SQL that makes each.</summary>
    private static async Task<List<(string Name, string Sql)>> SchemaObjectsAsync(SqliteConnection connection, string type, CancellationToken cancellationToken)
    {
        var found = new List<(string Name, string Sql)>();
        await using var list = connection.CreateCommand();
        list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = $type AND tbl_name = 'Reports' AND sql IS NOT NULL";
        list.Parameters.AddWithValue("$type", type);
        await using var reader = await list.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add((reader.GetString(0), reader.GetString(1)));
        }

        return found;
    }

    private static async Task<List<int>> EnsureDivisionsAsync(FailingWellDbContext db, int wanted, CancellationToken cancellationToken)
    {
        var existing = await db.Divisions.CountAsync(cancellationToken);
        for (var i = existing; i < wanted; i++)
        {
            var division = new Division { Name = $"Division {i + 1:00}", SortOrder = i + 1 };
            division.Locations.AddRange(Enumerable.Range(1, 3).Select(n => new Location { Name = $"Ward {i + 1}.{n}", SortOrder = n }));
            db.Divisions.Add(division);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.Divisions.Where(d => !d.IsRetired).OrderBy(d => d.Id).Take(wanted).Select(d => d.Id).ToListAsync(cancellationToken);
    }
}
