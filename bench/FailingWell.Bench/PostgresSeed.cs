using System.Diagnostics;
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

    /// <summary>
    /// The load itself: the reports made in order on one thread, and sent over one binary COPY a
    /// core, each COPY a contiguous run of ids (the first half and the second, on two cores), so
    /// PostgreSQL computes each row's SearchVector (most of the load's cost: the words of each
    /// report parsed as it arrives) on every core at once, and the COPYs never insert into the same
    /// pages of the primary key.
    /// </summary>
    private static async Task CopyAsync(string connectionString, SyntheticReports synthetic, int firstId, CancellationToken cancellationToken)
    {
        var streams = Math.Max(1, Environment.ProcessorCount);
        var total = synthetic.Count;
        var rows = new SyntheticReports.Row?[total];
        var made = 0;
        long making = 0, writing = 0;
        var columns = "\"Id\", " + string.Join(", ", ScaleSeed.Columns.Split(", ").Select(c => $"\"{c}\""));
        var writers = Enumerable.Range(0, streams).Select(k => Task.Factory.StartNew(
            () =>
            {
                var (from, to) = ((int)((long)total * k / streams), (int)((long)total * (k + 1) / streams));
                using var connection = new NpgsqlConnection(connectionString);
                connection.Open();
                using (var settings = connection.CreateCommand())
                {
                    settings.CommandText = "SET synchronous_commit = off";
                    settings.ExecuteNonQuery();
                }

                using var copy = connection.BeginBinaryImport($"COPY \"Reports\" ({columns}) FROM STDIN (FORMAT BINARY)");
                var spin = new SpinWait();
                for (var i = from; i < to; i++)
                {
                    while (Volatile.Read(ref made) <= i)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        spin.SpinOnce(sleep1Threshold: 1); // the reports not made yet: give the maker the core
                    }

                    var written = Stopwatch.GetTimestamp();
                    Write(copy, firstId + i, rows[i]!);
                    rows[i] = null;
                    Interlocked.Add(ref writing, Stopwatch.GetTimestamp() - written);
                }

                copy.Complete();
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();

        var timer = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var row = new SyntheticReports.Row();
            synthetic.Next(i, row);
            rows[i] = row;
            Volatile.Write(ref made, i + 1);
        }

        making = Stopwatch.GetTimestamp() - timer;
        await Task.WhenAll(writers);
        Console.Error.WriteLine($"PostgreSQL seed: making the reports {Stopwatch.GetElapsedTime(0, making).TotalSeconds:0.00} s, writing them to {streams} COPY streams {Stopwatch.GetElapsedTime(0, writing).TotalSeconds:0.00} s (summed, waits for the server included)");
    }

    private static void Write(NpgsqlBinaryImporter copy, int id, SyntheticReports.Row row)
    {
        copy.StartRow();
        copy.Write(id);
        copy.Write(row.Reference);
        copy.Write(row.ReferenceYear);
        copy.Write(row.ReferenceNumber);
        copy.Write(row.Kind);
        copy.Write(row.WhatHappened);
        copy.Write(row.OccurredOn);
        copy.Write(row.OccurredBand);
        Int(copy, row.DivisionId);
        copy.Write(row.PersonAffected);
        copy.Write(row.PhysicalHarm);
        copy.Write(row.PsychologicalHarm);
        copy.Write(row.CategoryId);
        copy.Write(row.Stream);
        Int(copy, row.StaffGroupId);
        copy.Write(row.IsAnonymous);
        copy.Write(row.ReceivedOn);
        copy.Write(row.ReceivedBand);
        copy.Write(row.Status);
        copy.Write(row.AcknowledgeBy);
        copy.Write(row.FeedbackBy);
        Date(copy, row.FeedbackGivenOn);
        Date(copy, row.AcknowledgedOn);
        Date(copy, row.ClosedOn);
        copy.Write(row.Version);
        copy.Write(row.SubmissionId);
        copy.Write(row.ReceiptLocator);
        copy.Write(SyntheticReports.Salt);
        copy.Write(SyntheticReports.Hash);
        copy.Write((int)FailingWell.Web.Domain.ReceiptVerifier.HmacSha256);
    }

    private static void Int(NpgsqlBinaryImporter copy, int? value)
    {
        if (value is { } v)
        {
            copy.Write(v);
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
            copy.Write(v);
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
