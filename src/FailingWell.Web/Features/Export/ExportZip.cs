using System.Data;
using System.IO.Compression;
using CsvHelper;
using Microsoft.Data.Sqlite;

namespace FailingWell.Web.Features.Export;

/// <summary>
/// Writes an export's files into one zip on a stream (the response body, or a file for the command
/// line) as their rows are read, then the data dictionary of those files. Every file is read from one
/// snapshot of the database where the provider gives one cheaply, so the files agree with each other.
/// </summary>
public static class ExportZip
{
    public sealed record FileCount(string File, long Rows);

    public static async Task<IReadOnlyList<FileCount>> WriteAsync(FailingWellDbContext db, Stream output, IReadOnlyList<IExportFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(files);
        var counts = new List<FileCount>();
        await using var target = new AsyncOnlyOutput(output);
        await using (var zip = await ZipArchive.CreateAsync(target, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            foreach (var file in files)
            {
                counts.Add(new FileCount(file.Name, await file.WriteAsync(zip, cancellationToken)));
            }

            await WriteDictionaryAsync(zip, [.. files.Select(f => f.Name)], cancellationToken);
        }

        await target.FlushAsync(cancellationToken);
        return counts;
    }

    /// <summary>
    /// A read of everything at one moment: REPEATABLE READ on PostgreSQL; on SQLite a deferred transaction,
    /// which holds its snapshot without taking the write lock (writers go on under WAL); SQL Server reads
    /// committed rows file by file (its snapshot isolation is a database option this app does not set).
    /// </summary>
    public static async Task<IAsyncDisposable?> SnapshotAsync(FailingWellDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            return new SqliteSnapshot(db, transaction);
        }

        return null;
    }

    private static async Task WriteDictionaryAsync(ZipArchive zip, IReadOnlyCollection<string> files, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(ExportDictionary.FileName, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await using var csv = CsvWriter.Create(stream, ExportFile<object>.Options, leaveOpen: true);
        await csv.WriteRecordAsync(["file", "column", "type", "description"], cancellationToken);
        foreach (var line in ExportDictionary.Shipped.For(files))
        {
            await csv.WriteRecordAsync([line.File, line.Column, line.Type, line.Description], cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private sealed class SqliteSnapshot(FailingWellDbContext db, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }
}
