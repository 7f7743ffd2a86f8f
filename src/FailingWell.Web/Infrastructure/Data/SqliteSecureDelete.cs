using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FailingWell.Web.Infrastructure.Data;

/// <summary>
/// Every SQLite connection overwrites what it deletes with zeros (<c>PRAGMA secure_delete</c>), so a
/// named reporter's removed email does not linger in free pages of the file. The pragma lasts for
/// one connection, so it is set each time one opens.
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete=ON;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete=ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
