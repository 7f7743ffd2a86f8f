using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace FailingWell.Web.Infrastructure.Data;

public static class DatabaseExtensions
{
    public static WebApplicationBuilder AddFailingWellDatabase(this WebApplicationBuilder builder)
    {
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<ReferenceDataVersion>();
        // Pooled: a context made for every request and every intake batch cost 4% of a busy site's
        // CPU in setting itself up; the options, which depend on nothing scoped, are built once (docs/decisions/0080).
        builder.Services.AddDbContextPool<FailingWellDbContext>((services, options) =>
        {
            settings.Configure(options);
            options.AddInterceptors(services.GetRequiredService<ReferenceDataVersion>());
            // Telemetry's command interceptor, when an OTLP endpoint is configured (Infrastructure/Telemetry).
            options.AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IDbCommandInterceptor>());
        });
        return builder;
    }

    /// <summary>
    /// Whether start-up migrates the database: yes by default, except in Production, where a release
    /// pipeline runs the <c>migrate</c> verb or the SQL script (<c>Database:MigrateOnStart=true</c> to override).
    /// </summary>
    public static bool MigratesOnStart(IHostEnvironment environment, IConfiguration configuration) =>
        configuration.GetValue("Database:MigrateOnStart", !environment.IsProduction());

    /// <summary>Creates or upgrades the database and the roles, before anything else touches it.</summary>
    public static async Task MigrateFailingWellDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(settings.ConnectionString);
        }

        // Only when a migration is due: Migrate itself compares the whole model with the last snapshot
        // before it looks (EF's pending-model check), which cost every start of an up-to-date site
        // 150 to 200 ms of CPU; reading the history table costs a few.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets the scheduler and the web requests share the file without
            // readers blocking the writer.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await DefaultReferenceData.EnsureAsync(db, cancellationToken);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
