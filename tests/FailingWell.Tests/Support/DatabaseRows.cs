using System.Data.Common;
using System.Globalization;

namespace FailingWell.Tests.Support;

/// <summary>Every value in an app's database, read as text through its own connection, on either provider.</summary>
public static class DatabaseRows
{
    /// <summary>Every value of every row of every table (outside Identity's own unless asked), as text.</summary>
    public static async Task<List<(string Table, string Column, string Value)>> AllAsync(FailingWellApp app, bool includeIdentity)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var connection = FailingWellApp.NewDbContext(scope).Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = await ReadColumnAsync(connection, app.Provider == FailingWell.Web.Infrastructure.Data.DatabaseProvider.PostgreSql
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
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
