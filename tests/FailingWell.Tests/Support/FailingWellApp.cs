using FailingWell.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace FailingWell.Tests.Support;

/// <summary>
/// The real application on a real database of its own, with mail going to a pickup folder of its
/// own (or to an SMTP server a test starts), and every log line captured. The database is a SQLite
/// file, or with FAILINGWELL_TEST_PROVIDER=PostgreSql (./test.sh's second pass) a fresh database on
/// the private PostgreSQL server the test process starts.
/// </summary>
public class FailingWellApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);

    static FailingWellApp()
    {
        // Each host watches its wwwroot (asp-append-version) and settings files; with inotify, the
        // hosts a parallel run keeps alive passed the user's 128 instances and pages failed with
        // IOException. Polling watchers take none (and the site processes tests start inherit it).
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public FailingWellApp()
        : this(migrated: true)
    {
    }

    private FailingWellApp(bool migrated)
    {
        Folder = Directory.CreateTempSubdirectory("failingwell-tests-").FullName;
        DatabasePath = Path.Combine(Folder, "failingwell.db");
        MailFolder = Path.Combine(Folder, "mail");
        Provider = TestDatabase.Provider;
        ConnectionString = Provider == DatabaseProvider.PostgreSql
            ? (migrated ? PrivatePostgres.Shared.CreateMigratedDatabase() : PrivatePostgres.Shared.CreateDatabase())
            : $"Data Source={DatabasePath}";
        if (Provider == DatabaseProvider.Sqlite && migrated)
        {
            SqliteTemplate.CopyTo(DatabasePath);
        }

        _settings["ConnectionStrings:FailingWell"] = ConnectionString;
        _settings["Database:Provider"] = Provider.ToString();
        _settings["Email:PickupDirectory"] = MailFolder;
        // Tests drive delivery themselves; the scheduled run would race them.
        _settings["Email:DeliveryIntervalSeconds"] = "3600";
        // Quartz keeps schedulers in a process-wide registry: each app needs a name of its own.
        _settings["Scheduling:InstanceName"] = "FailingWell-" + Guid.NewGuid().ToString("N");
        // Every test client shares one address; the limit tests set their own low limits.
        _settings["Reporting:MaxReportsPerHour"] = "1000";
        _settings["Reporting:MaxWrongCodesPerHour"] = "1000";
        // Tests recount culture roll-ups themselves.
        _settings["Culture:FirstRollupSeconds"] = "86400";
    }

    /// <summary>An app whose database has nothing in it yet (on SQLite the file is not there), on either provider.</summary>
    public static FailingWellApp OnEmptyDatabase() => new(migrated: false);

    /// <summary>The address every request appears to come from (TestServer gives none of its own).</summary>
    public IPAddress? ClientAddress { get; set; }

    public string Folder { get; }

    /// <summary>The SQLite file (not there on PostgreSQL).</summary>
    public string DatabasePath { get; }

    public string MailFolder { get; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Set before the app starts to run it on a clock the test moves.</summary>
    public TimeProvider? Clock { get; set; }

    public DatabaseProvider Provider { get; }

    /// <summary>This app's own database (another app given it shares the database, as a second node would).</summary>
    public string ConnectionString { get; }

    /// <summary>Sets configuration before the app starts, as appsettings or environment would.</summary>
    public FailingWellApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public static FailingWellDbContext NewDbContext(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            if (Clock is not null)
            {
                services.AddSingleton(Clock);
            }
            services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter>(_ => new ClientAddressFilter(this));
        });
    }

    // Runs first in the pipeline, as a real connection's address would be there from the start.
    private sealed class ClientAddressFilter(FailingWellApp app) : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => builder =>
        {
            builder.Use(async (context, following) =>
            {
                context.Connection.RemoteIpAddress = app.ClientAddress;
                await following(context);
            });
            next(builder);
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Provider == DatabaseProvider.PostgreSql)
            {
                PrivatePostgres.Shared.DropDatabase(ConnectionString);
            }

            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS to clean up with the temp folder.
            }
        }
    }
}
