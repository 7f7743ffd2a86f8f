using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FailingWell.Web.Infrastructure.Data;

/// <summary>
/// What every SQLite connection sets as it opens (pragmas last for one connection):
/// <list type="bullet">
/// <item>it overwrites what it deletes with zeros (<c>secure_delete</c>), so a named reporter's
/// removed email does not linger in free pages of the file;</item>
/// <item>a writer that finds another writer at work waits inside SQLite (<c>busy_timeout</c>,
/// SQLite's own short, growing naps), so it starts within milliseconds of the other finishing.
/// Without it Microsoft.Data.Sqlite retried after sleeping 150 ms: a report waiting behind a
/// scheduled job's write was answered 150 ms late, the tail of the submission benchmark (docs/decisions/0081).</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    /// <summary>As long as a command's default timeout.</summary>
    private const string Pragmas = "PRAGMA secure_delete=ON; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
