using System.Data.Common;
using Npgsql;

namespace FailingWell.Web.Infrastructure.Data;

/// <summary>
/// What FailingWell asks of every PostgreSQL connection unless the operator's connection string says
/// otherwise (docs/decisions/0082, 0083).
/// </summary>
public static class PostgreSqlConnectionDefaults
{
    /// <summary>
    /// Statements Npgsql prepares on each pooled connection once used a few times. A busy site runs the
    /// same few dozen statements again and again; unprepared, PostgreSQL parsed and planned each one
    /// every time, which was most of its CPU under load.
    /// </summary>
    public const int MaxAutoPrepare = 64;

    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Given(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        // The site sets no session state, and an open transaction is still rolled back on close; the
        // reset Npgsql sends otherwise (seven statements, parsed each time) ran every time a request
        // took a connection from the pool, several times a report.
        if (!Given(given, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static bool Given(DbConnectionStringBuilder given, params string[] names) =>
        names.Any(name => given.ContainsKey(name));
}
