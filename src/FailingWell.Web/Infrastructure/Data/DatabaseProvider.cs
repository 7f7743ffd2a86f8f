using System.Reflection;
using System.Runtime.Loader;

namespace FailingWell.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Which database FailingWell uses, read once from configuration.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "FailingWell";

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider must be Sqlite, SqlServer or PostgreSql, not '{providerText}'.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException(
                    $"Database:Provider is {provider}, so ConnectionStrings:FailingWell must be set.");
            }

            // The embedded default: a file beside the app, so a fresh machine needs no server.
            var dataDirectory = Path.Combine(contentRoot, "App_Data");
            Directory.CreateDirectory(dataDirectory);
            connectionString = $"Data Source={Path.Combine(dataDirectory, "failingwell.db")}";
        }

        return new DatabaseSettings(provider, connectionString);
    }

    public void Configure(DbContextOptionsBuilder options) =>
        ProviderMigrations.Configure(options, Provider, ConnectionString, ProviderMigrations.Load(Provider));
}

/// <summary>
/// The migrations of each provider live in their own assembly (EF's documented pattern for several
/// providers); this finds them beside the application.
/// </summary>
public static class ProviderMigrations
{
    public static string AssemblyName(DatabaseProvider provider) => $"FailingWell.Migrations.{provider}";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DatabaseProvider, Assembly> Loaded = new();

    /// <summary>Found once a process: looking through the loaded assemblies took 5% of a busy site's CPU when done for every context.</summary>
    public static Assembly Load(DatabaseProvider provider) => Loaded.GetOrAdd(provider, Find);

    private static Assembly Find(DatabaseProvider provider)
    {
        var name = AssemblyName(provider);
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name);
        if (loaded is not null)
        {
            return loaded;
        }

        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"The {provider} migrations ({name}.dll) are missing from {AppContext.BaseDirectory}. Build the solution or FailingWell.Web, which builds them.");
            }

            return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        }
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, Assembly migrations)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(migrations))
                    .AddInterceptors(SqliteConnectionPragmas.Instance);
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(migrations));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(PostgreSqlConnectionDefaults.Apply(connectionString), npgsql => npgsql.MigrationsAssembly(migrations));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, null);
        }
    }
}
