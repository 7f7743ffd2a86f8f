using System.Diagnostics;
using System.Threading.Channels;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace FailingWell.Bench;

/// <summary>
/// The scale seed on PostgreSQL: the same synthetic reports as SQLite's (<see cref="SyntheticReports"/>,
/// same seed, same reports) sent with one binary COPY. The table's secondary indexes and foreign keys
/// are dropped for the load and made again after it (each index a single sort, each key checked in one
/// join, rather than row by row), then ANALYZE. The primary key stays; the unique indexes go too unless
/// asked to stay (keeping them cost 1.4 s a 100,000 rows here), and are checked when built again (a
/// duplicate fails the seed). The generated SearchVector column is not in the COPY: PostgreSQL computes
/// it for each row as it arrives.
/// </summary>
public static class PostgresSeed
{
    /// <param name="KeepUnique">Keep the unique indexes during the load (each row checked as it arrives); otherwise they are dropped too and checked when built again.</param>
    public static async Task<ScaleSeed.Result> RunAsync(string connectionString, int reports, int divisions, int years, DateOnly until, bool keepUnique, int seed = 20130701, CancellationToken cancellationToken = default)
    {
        var options = new DbContextOptionsBuilder<FailingWellDbContext>();
        ProviderMigrations.Configure(options, DatabaseProvider.PostgreSql, connectionString, ProviderMigrations.Load(DatabaseProvider.PostgreSql));
        Func<SyntheticReports> prepared;
        await using (var db = new FailingWellDbContext(options.Options))
        {
            prepared = await ScaleSeed.PrepareAsync(db, reports, divisions, years, until, seed, cancellationToken);
        }

        var timer = Stopwatch.StartNew();
        var synthetic = prepared();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SET synchronous_commit = off; SET maintenance_work_mem = '1GB'", cancellationToken);

        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = """
                SELECT c.relname, pg_get_indexdef(i.indexrelid), i.indisunique
                FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = '"Reports"'::regclass AND NOT i.indisprimary
                """;
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!(keepUnique && reader.GetBoolean(2)))
                {
                    indexes.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
        }

        var foreignKeys = new List<(string Name, string Definition)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = """SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '"Reports"'::regclass AND contype = 'f'""";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                foreignKeys.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in foreignKeys)
        {
            await ExecuteAsync(connection, $"""ALTER TABLE "Reports" DROP CONSTRAINT "{name}" """, cancellationToken);
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"""DROP INDEX "{name}" """, cancellationToken);
        }

        // Ids given, not drawn from the identity: the same ids as SQLite's (rising with the received
        // date) whichever COPY stream a report goes by; the identity is moved past them after.
        long firstId;
        await using (var max = connection.CreateCommand())
        {
            max.CommandText = "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Reports\"";
            firstId = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) + 1;
        }

        await CopyAsync(connectionString, synthetic, (int)firstId, cancellationToken);
        await ExecuteAsync(connection, "SELECT setval(pg_get_serial_sequence('\"Reports\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Reports\"))", cancellationToken);

        var loaded = timer.Elapsed;
        Console.Error.WriteLine($"PostgreSQL seed: {reports:N0} rows copied in {loaded.TotalSeconds:0.00} s");

        // The indexes two at a time (one connection a core), the slowest first: the word search's GIN
        // index, which cannot use parallel workers, beside the B-trees.
        var work = new Queue<string>(indexes.Select(i => i.Sql).OrderByDescending(s => s.Contains("USING gin", StringComparison.OrdinalIgnoreCase)));
        var builders = Enumerable.Range(0, Math.Max(1, Math.Min(2, Environment.ProcessorCount))).Select(async _ =>
        {
            await using var builder = new NpgsqlConnection(connectionString);
            await builder.OpenAsync(cancellationToken);
            await ExecuteAsync(builder, "SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 0", cancellationToken);
            while (true)
            {
                string sql;
                lock (work)
                {
                    if (!work.TryDequeue(out sql!))
                    {
                        return;
                    }
                }

                var step = Stopwatch.StartNew();
                await ExecuteAsync(builder, sql, cancellationToken);
                Console.Error.WriteLine($"PostgreSQL seed: {step.Elapsed.TotalSeconds:0.00} s {sql}");
            }
        }).ToList();
        await Task.WhenAll(builders);

        foreach (var (name, definition) in foreignKeys)
        {
            var step = Stopwatch.StartNew();
            await ExecuteAsync(connection, $"""ALTER TABLE "Reports" ADD CONSTRAINT "{name}" {definition}""", cancellationToken);
            Console.Error.WriteLine($"PostgreSQL seed: {step.Elapsed.TotalSeconds:0.00} s foreign key {name}");
        }

        var analysing = Stopwatch.StartNew();
        await ExecuteAsync(connection, "ANALYZE \"Reports\"", cancellationToken);
        Console.Error.WriteLine($"PostgreSQL seed: {analysing.Elapsed.TotalSeconds:0.00} s ANALYZE");
        return new ScaleSeed.Result(reports, divisions, timer.Elapsed, timer.Elapsed - loaded);
    }

    /// <summary>
    /// What autovacuum would do soon after the load, done now so it does not run during the
    /// measurements: sets the visibility map (index-only scans) and hint bits. Timed apart from the seed.
    /// </summary>
    public static async Task<TimeSpan> VacuumAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var timer = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "VACUUM", cancellationToken);
        return timer.Elapsed;
    }

    private const int ChunkRows = 4096;

    /// <summary>
    /// The load itself: the reports made in order on one thread and sent in chunks over one binary
    /// COPY a core, so PostgreSQL computes each row's SearchVector (most of the load's cost: the
    /// words of each report parsed as it arrives) on every core at once.
    /// </summary>
    private static async Task CopyAsync(string connectionString, SyntheticReports synthetic, int firstId, CancellationToken cancellationToken)
    {
        var streams = Math.Max(1, Environment.ProcessorCount);
        var full = Channel.CreateBounded<(int First, int Count, SyntheticReports.Row[] Rows)>(streams * 2);
        var empty = Channel.CreateUnbounded<SyntheticReports.Row[]>();
        for (var k = 0; k < (streams * 2) + 2; k++)
        {
            empty.Writer.TryWrite([.. Enumerable.Range(0, ChunkRows).Select(_ => new SyntheticReports.Row())]);
        }

        var columns = "\"Id\", " + string.Join(", ", ScaleSeed.Columns.Split(", ").Select(c => $"\"{c}\""));
        var writers = Enumerable.Range(0, streams).Select(_ => Task.Run(
            async () =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using (var settings = connection.CreateCommand())
                {
                    settings.CommandText = "SET synchronous_commit = off";
                    await settings.ExecuteNonQueryAsync(cancellationToken);
                }

                using var copy = connection.BeginBinaryImport($"COPY \"Reports\" ({columns}) FROM STDIN (FORMAT BINARY)");
                await foreach (var (first, count, rows) in full.Reader.ReadAllAsync(cancellationToken))
                {
                    for (var r = 0; r < count; r++)
                    {
                        Write(copy, firstId + first + r, rows[r]);
                    }

                    empty.Writer.TryWrite(rows);
                }

                copy.Complete();
            },
            cancellationToken)).ToList();
        try
        {
            for (var i = 0; i < synthetic.Count; i += ChunkRows)
            {
                var rows = await empty.Reader.ReadAsync(cancellationToken);
                var count = Math.Min(ChunkRows, synthetic.Count - i);
                for (var r = 0; r < count; r++)
                {
                    synthetic.Next(i + r, rows[r]);
                }

                await full.Writer.WriteAsync((i, count, rows), cancellationToken);
            }
        }
        finally
        {
            full.Writer.Complete();
        }

        await Task.WhenAll(writers);
    }

    private static void Write(NpgsqlBinaryImporter copy, int id, SyntheticReports.Row row)
    {
        copy.StartRow();
        copy.Write(id, NpgsqlDbType.Integer);
        copy.Write(row.Reference, NpgsqlDbType.Varchar);
        copy.Write(row.ReferenceYear, NpgsqlDbType.Integer);
        copy.Write(row.ReferenceNumber, NpgsqlDbType.Integer);
        copy.Write(row.Kind, NpgsqlDbType.Integer);
        copy.Write(row.WhatHappened, NpgsqlDbType.Varchar);
        copy.Write(row.OccurredOn, NpgsqlDbType.Date);
        copy.Write(row.OccurredBand, NpgsqlDbType.Integer);
        Int(copy, row.DivisionId);
        copy.Write(row.PersonAffected, NpgsqlDbType.Integer);
        copy.Write(row.PhysicalHarm, NpgsqlDbType.Integer);
        copy.Write(row.PsychologicalHarm, NpgsqlDbType.Integer);
        copy.Write(row.CategoryId, NpgsqlDbType.Integer);
        copy.Write(row.Stream, NpgsqlDbType.Integer);
        Int(copy, row.StaffGroupId);
        copy.Write(row.IsAnonymous, NpgsqlDbType.Boolean);
        copy.Write(row.ReceivedOn, NpgsqlDbType.Date);
        copy.Write(row.ReceivedBand, NpgsqlDbType.Integer);
        copy.Write(row.Status, NpgsqlDbType.Integer);
        copy.Write(row.AcknowledgeBy, NpgsqlDbType.Date);
        copy.Write(row.FeedbackBy, NpgsqlDbType.Date);
        Date(copy, row.FeedbackGivenOn);
        Date(copy, row.AcknowledgedOn);
        Date(copy, row.ClosedOn);
        copy.Write(row.Version, NpgsqlDbType.Uuid);
        copy.Write(row.SubmissionId, NpgsqlDbType.Uuid);
        copy.Write(row.ReceiptLocator, NpgsqlDbType.Varchar);
        copy.Write(SyntheticReports.Salt, NpgsqlDbType.Bytea);
        copy.Write(SyntheticReports.Hash, NpgsqlDbType.Bytea);
        copy.Write((int)FailingWell.Web.Domain.ReceiptVerifier.HmacSha256, NpgsqlDbType.Integer);
    }

    private static void Int(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void Date(NpgsqlBinaryImporter copy, DateOnly? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Date);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
