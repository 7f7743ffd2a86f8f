using System.Data.Common;
using System.Globalization;
using FailingWell.Web.Infrastructure.Data;

namespace FailingWell.Tests.Support;

/// <summary>What is in an app's database, read through a connection of its own, on either provider.</summary>
public static class DatabaseRows
{
    /// <summary>A connection of its own to the app's database, without starting the app.</summary>
    public static async Task<DbConnection> OpenAsync(FailingWellApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        DbConnection connection = app.Provider == DatabaseProvider.PostgreSql
            ? new Npgsql.NpgsqlConnection(app.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(app.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The names of the tables in the app's database (Quartz's are lower case on PostgreSQL).</summary>
    public static async Task<List<string>> TablesAsync(FailingWellApp app)
    {
        await using var connection = await OpenAsync(app);
        return await TablesAsync(app, connection);
    }

    /// <summary>Every value of every row of every table (outside Identity's own unless asked), as text.</summary>
    public static async Task<List<(string Table, string Column, string Value)>> AllAsync(FailingWellApp app, bool includeIdentity)
    {
        await using var connection = await OpenAsync(app);
        var tables = await TablesAsync(app, connection);
        tables.RemoveAll(t => !includeIdentity && t.StartsWith("AspNet", StringComparison.Ordinal));
        var values = new List<(string, string, string)>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                for (var column = 0; column < rows.FieldCount; column++)
                {
                    var value = rows.IsDBNull(column) ? "" : Convert.ToString(rows.GetValue(column), CultureInfo.InvariantCulture) ?? "";
                    values.Add((table, rows.GetName(column), value));
                }
            }
        }

        Assert.Contains(tables, t => t == "Reports");
        return values;
    }

    private static Task<List<string>> TablesAsync(FailingWellApp app, DbConnection connection) =>
        ReadColumnAsync(connection, app.Provider == DatabaseProvider.PostgreSql
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");

    private static async Task<List<string>> ReadColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
