using System.Diagnostics;
using System.Globalization;
using System.Text;
using FailingWell.Web.Domain;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace FailingWell.Bench;

/// <summary>
/// Fills a database with synthetic reports (<see cref="SyntheticReports"/>) for scale testing and
/// benchmarks. SQLite here: prepared multi-row inserts straight through SQLite's own API in large
/// transactions, the indexes dropped for the load and built again after; PostgreSQL in
/// <see cref="PostgresSeed"/>, with a binary COPY. Synthetic reports have no usable receipt code.
/// </summary>
public static partial class ScaleSeed
{
    /// <param name="Indexing">Of <paramref name="Elapsed"/>, the time spent building indexes (and the statistics) after the load.</param>
    public sealed record Result(int Reports, int Divisions, TimeSpan Elapsed, TimeSpan Indexing)
    {
        public double RowsPerSecond => Reports / Elapsed.TotalSeconds;
    }

    /// <summary>The columns every writer fills, in this order.</summary>
    internal const string Columns = "Reference, ReferenceYear, ReferenceNumber, Kind, WhatHappened, OccurredOn, OccurredBand, DivisionId, PersonAffected, PhysicalHarm, PsychologicalHarm, CategoryId, Stream, StaffGroupId, IsAnonymous, ReceivedOn, ReceivedBand, Status, AcknowledgeBy, FeedbackBy, FeedbackGivenOn, AcknowledgedOn, ClosedOn, Version, SubmissionId, ReceiptLocator, ReceiptSalt, ReceiptHash, ReceiptVerifier";

    /// <summary>Seeds the SQLite database file at <paramref name="path"/>, already migrated by the application.</summary>
    public static async Task<Result> RunAsync(string path, int reports, int divisions, int years, DateOnly until)
    {
        var options = new DbContextOptionsBuilder<FailingWellDbContext>().UseSqlite($"Data Source={path}").Options;
        await using var db = new FailingWellDbContext(options);
        return await RunAsync(db, reports, divisions, years, until);
    }

    /// <summary>The reference data the synthetic reports point at, made or read through EF (either provider).</summary>
    /// <remarks>Returns how to make the reports, so a writer's clock can start there (as it always has, after the reference data is read).</remarks>
    internal static async Task<Func<SyntheticReports>> PrepareAsync(FailingWellDbContext db, int reports, int divisions, int years, DateOnly until, int seed, CancellationToken cancellationToken)
    {
        var divisionIds = await EnsureDivisionsAsync(db, divisions, cancellationToken);
        var categories = (await db.Categories.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.DefaultStream }).ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.DefaultStream)).ToList();
        var staffGroups = await db.StaffGroups.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        // References are random and unique (docs/decisions/0050), like live ones.
        var usedReferences = (await db.Reports.AsNoTracking().Select(r => new { r.ReferenceYear, r.ReferenceNumber }).ToListAsync(cancellationToken))
            .Select(r => (r.ReferenceYear, r.ReferenceNumber)).ToHashSet();
        return () => new SyntheticReports(reports, years, until, seed, categories, divisionIds, staffGroups, usedReferences);
    }

    public static async Task<Result> RunAsync(FailingWellDbContext db, int reports, int divisions, int years, DateOnly until, int seed = 20130701, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            throw new NotSupportedException("ScaleSeed writes to SQLite; PostgresSeed writes to PostgreSQL.");
        }

        var prepared = await PrepareAsync(db, reports, divisions, years, until, seed, cancellationToken);
        var timer = Stopwatch.StartNew();
        var synthetic = prepared();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        // Nothing else reads or writes this file while it is seeded: no journal to keep for the load
        // (the migrated schema is already durable), one big page cache and memory-mapped reads for
        // the index builds, which each scan the whole table.
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-1000000; PRAGMA mmap_size=8000000000;", cancellationToken);

        // Indexes are dropped for the load and built again once at the end: far faster than keeping
        // nineteen of them up to date row by row. The full-text index's triggers likewise: the index
        // is rebuilt in one pass at the end.
        var indexes = await SchemaObjectsAsync(connection, "index", cancellationToken);
        var triggers = await SchemaObjectsAsync(connection, "trigger", cancellationToken);
        foreach (var (name, kind) in indexes.Select(i => (i.Name, "INDEX")).Concat(triggers.Select(t => (t.Name, "TRIGGER"))))
        {
            await ExecuteAsync(connection, $"DROP {kind} \"{name}\"", cancellationToken);
        }

        Load(connection, synthetic);
        var loaded = timer.Elapsed;
        Console.Error.WriteLine($"SQLite seed: {reports:N0} rows loaded in {loaded.TotalSeconds:0.00} s");

        // Index builds sort; SQLite may use helper threads for that.
        await ExecuteAsync(connection, $"PRAGMA threads = {Math.Max(1, Environment.ProcessorCount)};", cancellationToken);
        var rebuildText = triggers.Count > 0 ? ["INSERT INTO ReportText(ReportText) VALUES ('rebuild')"] : Array.Empty<string>();
        foreach (var sql in indexes.Select(i => i.Sql).Concat(triggers.Select(t => t.Sql)).Concat(rebuildText))
        {
            var step = Stopwatch.StartNew();
            await ExecuteAsync(connection, sql, cancellationToken);
            Console.Error.WriteLine($"SQLite seed: {step.Elapsed.TotalSeconds:0.00} s {sql[..Math.Min(90, sql.Length)].ReplaceLineEndings(" ")}");
        }

        var analysing = Stopwatch.StartNew();
        // The planner's statistics from a sample of each index (as PostgreSQL's ANALYZE samples), not a full scan of every one.
        await ExecuteAsync(connection, "PRAGMA synchronous=NORMAL; PRAGMA analysis_limit=1000; ANALYZE; PRAGMA analysis_limit=0;", cancellationToken);
        Console.Error.WriteLine($"SQLite seed: {analysing.Elapsed.TotalSeconds:0.00} s ANALYZE");
        return new Result(reports, divisions, timer.Elapsed, timer.Elapsed - loaded);
    }

    /// <summary>Rows bound per INSERT statement: one statement step inserts this many reports.</summary>
    private const int RowsPerStatement = 25;

    private static void Load(SqliteConnection connection, SyntheticReports synthetic)
    {
        // The receipt columns are the same for every synthetic report: written into the statement once,
        // not bound row by row (26 values bound a row, not 29).
        var constant = $"X'{Convert.ToHexString(SyntheticReports.Salt)}', X'{Convert.ToHexString(SyntheticReports.Hash)}', {(int)ReceiptVerifier.HmacSha256}";
        var bound = Columns.Split(", ").Length - 3;
        var oneRow = "(" + string.Join(", ", Enumerable.Repeat("?", bound)) + ", " + constant + ")";
        string Insert(int rows) => $"INSERT INTO Reports ({Columns}) VALUES " + string.Join(", ", Enumerable.Repeat(oneRow, rows));

        // Dates as the text EF writes (yyyy-MM-dd), each day's UTF-8 bytes made once.
        var first = synthetic.First.AddDays(-1);
        var days = Enumerable.Range(0, synthetic.Until.DayNumber - first.DayNumber + 200)
            .Select(d => Encoding.UTF8.GetBytes(first.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToArray();
        var texts = SyntheticReports.Text.Select(Encoding.UTF8.GetBytes).ToArray();

        var handle = connection.Handle!;
        Check(handle, raw.sqlite3_prepare_v2(handle, Insert(RowsPerStatement), out var many));
        using var manyRows = many;
        const int batch = 200_000;
        var row = new SyntheticReports.Row();
        Span<byte> scratch = stackalloc byte[64];
        var total = synthetic.Count;
        long making = 0, stepping = 0;
        raw.sqlite3_exec(handle, "BEGIN");
        try
        {
            var i = 0;
            while (i < total)
            {
                var rows = Math.Min(RowsPerStatement, total - i);
                var statement = many;
                sqlite3_stmt? single = null;
                if (rows < RowsPerStatement)
                {
                    Check(handle, raw.sqlite3_prepare_v2(handle, Insert(rows), out single));
                    statement = single;
                }

                var at = 1;
                for (var r = 0; r < rows; r++, i++)
                {
                    var made = Stopwatch.GetTimestamp();
                    synthetic.Next(i, row);
                    making += Stopwatch.GetTimestamp() - made;
                    Text(statement, at++, Encoding.UTF8.GetBytes(row.Reference.AsSpan(), scratch), scratch);
                    Int(statement, at++, row.ReferenceYear);
                    Int(statement, at++, row.ReferenceNumber);
                    Int(statement, at++, row.Kind);
                    Native.Text(statement, at++, texts[row.TextIndex]);
                    Native.Text(statement, at++, Day(row.OccurredOn));
                    Int(statement, at++, row.OccurredBand);
                    Int(statement, at++, row.DivisionId);
                    Int(statement, at++, row.PersonAffected);
                    Int(statement, at++, row.PhysicalHarm);
                    Int(statement, at++, row.PsychologicalHarm);
                    Int(statement, at++, row.CategoryId);
                    Int(statement, at++, row.Stream);
                    Int(statement, at++, row.StaffGroupId);
                    Int(statement, at++, row.IsAnonymous ? 1 : 0);
                    Native.Text(statement, at++, Day(row.ReceivedOn));
                    Int(statement, at++, row.ReceivedBand);
                    Int(statement, at++, row.Status);
                    Native.Text(statement, at++, Day(row.AcknowledgeBy));
                    Native.Text(statement, at++, Day(row.FeedbackBy));
                    Date(statement, at++, row.FeedbackGivenOn);
                    Date(statement, at++, row.AcknowledgedOn);
                    Date(statement, at++, row.ClosedOn);
                    GuidText(statement, at++, row.Version, scratch);
                    GuidText(statement, at++, row.SubmissionId, scratch);
                    Text(statement, at++, Encoding.UTF8.GetBytes(row.ReceiptLocator.AsSpan(), scratch), scratch);
                }

                var stepped = Stopwatch.GetTimestamp();
                Check(handle, raw.sqlite3_step(statement), raw.SQLITE_DONE);
                stepping += Stopwatch.GetTimestamp() - stepped;
                Check(handle, raw.sqlite3_reset(statement));
                single?.Dispose();
                if (i % batch < RowsPerStatement && i < total)
                {
                    raw.sqlite3_exec(handle, "COMMIT; BEGIN");
                }
            }

            Check(handle, raw.sqlite3_exec(handle, "COMMIT"));
            Console.Error.WriteLine($"SQLite seed: making the reports {Stopwatch.GetElapsedTime(0, making).TotalSeconds:0.00} s, SQLite inserting them {Stopwatch.GetElapsedTime(0, stepping).TotalSeconds:0.00} s");
        }
        catch
        {
            raw.sqlite3_exec(handle, "ROLLBACK");
            throw;
        }

        byte[] Day(DateOnly date) => days[date.DayNumber - first.DayNumber];

        void Date(sqlite3_stmt statement, int at, DateOnly? date)
        {
            if (date is { } d)
            {
                Native.Text(statement, at, Day(d));
            }
            else
            {
                Native.Null(statement, at);
            }
        }
    }

    private static void Int(sqlite3_stmt statement, int at, int value) => Native.Int(statement, at, value);

    private static void Int(sqlite3_stmt statement, int at, int? value)
    {
        if (value is { } v)
        {
            Native.Int(statement, at, v);
        }
        else
        {
            Native.Null(statement, at);
        }
    }

    private static void Text(sqlite3_stmt statement, int at, int length, Span<byte> bytes) => Native.Text(statement, at, bytes[..length]);

    /// <summary>A guid as EF's SQLite provider stores it: upper-case text with hyphens.</summary>
    private static void GuidText(sqlite3_stmt statement, int at, Guid value, Span<byte> scratch)
    {
        value.TryFormat(scratch, out var written, "D");
        for (var k = 0; k < written; k++)
        {
            if (scratch[k] is >= (byte)'a' and <= (byte)'f')
            {
                scratch[k] -= 32;
            }
        }

        Native.Text(statement, at, scratch[..written]);
    }

    /// <summary>
    /// SQLite's bind functions called straight from the bundled library: through SQLitePCLRaw each
    /// bind cost more than SQLite inserting the row (a provider call and marshalling, 26 times a row);
    /// here each is a plain native call. Text is copied by SQLite (SQLITE_TRANSIENT).
    /// </summary>
    private static partial class Native
    {
        private static readonly IntPtr Transient = new(-1);

        public static void Int(sqlite3_stmt statement, int at, int value) => Checked(sqlite3_bind_int(statement.DangerousGetHandle(), at, value));

        public static void Null(sqlite3_stmt statement, int at) => Checked(sqlite3_bind_null(statement.DangerousGetHandle(), at));

        public static void Text(sqlite3_stmt statement, int at, ReadOnlySpan<byte> utf8) =>
            Checked(sqlite3_bind_text(statement.DangerousGetHandle(), at, ref System.Runtime.InteropServices.MemoryMarshal.GetReference(utf8), utf8.Length, Transient));

        private static void Checked(int result)
        {
            if (result != raw.SQLITE_OK)
            {
                throw new InvalidOperationException($"SQLite said {result} binding a value.");
            }
        }

        [System.Runtime.InteropServices.LibraryImport("e_sqlite3")]
        [System.Runtime.InteropServices.SuppressGCTransition]
        private static partial int sqlite3_bind_int(IntPtr statement, int index, int value);

        [System.Runtime.InteropServices.LibraryImport("e_sqlite3")]
        [System.Runtime.InteropServices.SuppressGCTransition]
        private static partial int sqlite3_bind_null(IntPtr statement, int index);

        [System.Runtime.InteropServices.LibraryImport("e_sqlite3")]
        private static partial int sqlite3_bind_text(IntPtr statement, int index, ref readonly byte text, int length, IntPtr destructor);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
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

    internal static async Task<List<int>> EnsureDivisionsAsync(FailingWellDbContext db, int wanted, CancellationToken cancellationToken)
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
