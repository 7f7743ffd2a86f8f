using System.Data.Common;
using System.Diagnostics;
using FailingWell.Tests.Support;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FailingWell.Bench;

/// <summary>
/// One fresh benchmark database and how the site and its verbs are pointed at it: a SQLite file in a
/// temporary folder, or a new database on the PostgreSQL server the benchmark started.
/// </summary>
internal sealed class BenchTarget : IDisposable
{
    private readonly PrivatePostgres? _server;

    private BenchTarget(DatabaseProvider provider, string connectionString, string folder, PrivatePostgres? server, string? file)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _server = server;
        File = file;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The working folder of the site and its verbs (and the SQLite file's).</summary>
    public string Folder { get; }

    /// <summary>SQLite's database file.</summary>
    public string? File { get; }

    public static string NameOf(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql ? "PostgreSQL" : "SQLite";

    public string Name => NameOf(Provider);

    public static BenchTarget Sqlite(string fileName)
    {
        var folder = Directory.CreateTempSubdirectory("failingwell-bench-").FullName;
        var file = Path.Combine(folder, fileName);
        return new BenchTarget(DatabaseProvider.Sqlite, $"Data Source={file}", folder, null, file);
    }

    public static BenchTarget Postgres(PrivatePostgres server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var folder = Directory.CreateTempSubdirectory("failingwell-bench-").FullName;
        return new BenchTarget(DatabaseProvider.PostgreSql, server.CreateDatabase(), folder, server, null);
    }

    /// <summary>A database made before (by --seed-only), measured in place and kept afterwards.</summary>
    public static BenchTarget Existing(DatabaseProvider provider, string connectionString)
    {
        var folder = Directory.CreateTempSubdirectory("failingwell-bench-").FullName;
        return new BenchTarget(provider, connectionString, folder, null, null);
    }

    /// <summary>Points a site process or verb at this database.</summary>
    public void Apply(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.WorkingDirectory = Folder;
        start.Environment["Database__Provider"] = Provider.ToString();
        start.Environment["ConnectionStrings__FailingWell"] = ConnectionString;
    }

    public DbConnection Connection() => Provider == DatabaseProvider.PostgreSql
        ? new NpgsqlConnection(ConnectionString)
        : new SqliteConnection(ConnectionString);

    public void Dispose()
    {
        if (_server is not null)
        {
            _server.DropDatabase(ConnectionString);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
