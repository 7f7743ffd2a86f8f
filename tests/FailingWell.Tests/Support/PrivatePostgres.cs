using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FailingWell.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server of its own: a cluster made with <c>initdb</c> in a temporary folder
/// (as the <c>postgres</c> user when running as root, which PostgreSQL refuses), listening on a free
/// loopback port only, stopped and deleted when the process ends. The tests and the benchmark use it;
/// the machine's own cluster is never touched.
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    private static readonly Lazy<PrivatePostgres> SharedServer = new(() => Start(forTests: true));
    private static readonly SemaphoreSlim Creating = new(1, 1);
    private static int _databases;

    private readonly string _folder;
    private readonly string _bin;
    private readonly string _user;
    private string? _template;

    private PrivatePostgres(string folder, string bin, string user, int port)
    {
        _folder = folder;
        _bin = bin;
        _user = user;
        Port = port;
    }

    /// <summary>One server for the whole test process, started on first use.</summary>
    public static PrivatePostgres Shared => SharedServer.Value;

    public int Port { get; }

    /// <summary>The server's maintenance database, as its superuser.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50;Include Error Detail=true";

    /// <summary>
    /// Starts a new server. <paramref name="forTests"/> turns off what only protects data through a
    /// power cut (fsync), which a throwaway cluster has no use for; the benchmark keeps it on.
    /// </summary>
    public static PrivatePostgres Start(bool forTests)
    {
        var bin = FindBin();
        var folder = Directory.CreateTempSubdirectory("failingwell-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        var user = asRoot ? "postgres" : Environment.UserName;
        var data = Path.Combine(folder, "data");
        if (asRoot)
        {
            Run("chown", ["postgres:postgres", folder], asUser: null);
        }

        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], asRoot ? user : null);

        var port = FreePort();
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c max_connections=300 -c shared_buffers=256MB"
            + (forTests ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : string.Empty);
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start"], asRoot ? user : null);

        var server = new PrivatePostgres(folder, bin, asRoot ? user : string.Empty, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    /// <summary>A new empty database on this server; returns its connection string.</summary>
    public string CreateDatabase(string? template = null)
    {
        var name = $"fw_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        Creating.Wait();
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}";
            create.ExecuteNonQuery();
        }
        finally
        {
            Creating.Release();
        }

        return ConnectionString(name);
    }

    /// <summary>
    /// A new database with FailingWell's schema already in it: copied from one migrated once per
    /// process (PostgreSQL copies a template in milliseconds; migrating takes seconds).
    /// </summary>
    public string CreateMigratedDatabase()
    {
        if (_template is null)
        {
            Creating.Wait();
            try
            {
                if (_template is null)
                {
                    var name = $"fw_template_{Environment.ProcessId}";
                    using (var connection = new NpgsqlConnection(AdminConnectionString))
                    {
                        connection.Open();
                        using var create = connection.CreateCommand();
                        create.CommandText = $"CREATE DATABASE {name}";
                        create.ExecuteNonQuery();
                    }

                    var options = new DbContextOptionsBuilder<FailingWellDbContext>();
                    // Unpooled: a template cannot be copied while anything is connected to it, and clearing
                    // every pool would close the connections of tests running beside this one.
                    var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString(name)) { Pooling = false }.ConnectionString;
                    ProviderMigrations.Configure(options, DatabaseProvider.PostgreSql, connectionString, ProviderMigrations.Load(DatabaseProvider.PostgreSql));
                    try
                    {
                        using var db = new FailingWellDbContext(options.Options);
                        db.Database.Migrate();
                    }
                    catch
                    {
                        DropDatabase(connectionString);
                        throw;
                    }

                    _template = name;
                }
            }
            finally
            {
                Creating.Release();
            }
        }

        return CreateDatabase(_template);
    }

    /// <summary>Drops a database made here, closing whatever is still connected to it.</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        // FORCE ends whatever is still connected to this database. Only its own pools are emptied (as
        // given, and as the site opens it): clearing every pool would close the idle connections of
        // tests running beside this one.
        foreach (var pooled in new[] { connectionString, PostgreSqlConnectionDefaults.Apply(connectionString) })
        {
            using var ours = new NpgsqlConnection(pooled);
            NpgsqlConnection.ClearPool(ours);
        }

        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        drop.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (!Directory.Exists(_folder))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"], _user.Length > 0 ? _user : null);
        }
        catch (InvalidOperationException)
        {
            // Already stopped: the folder still goes.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindBin()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        return installed.FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, as ./test.sh does.");
    }

    private static void Run(string program, IReadOnlyList<string> arguments, string? asUser)
    {
        var start = new ProcessStartInfo(asUser is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/tmp",
        };
        if (asUser is not null)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add(asUser);
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
