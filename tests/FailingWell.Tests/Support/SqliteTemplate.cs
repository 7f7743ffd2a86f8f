using FailingWell.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace FailingWell.Tests.Support;

/// <summary>
/// One SQLite file migrated once per test process; each test's database starts as a copy of it, so
/// a host starting finds its migrations already applied instead of replaying the schema. The
/// migrations themselves are still run against an empty file by the tests that are about them.
/// </summary>
internal static class SqliteTemplate
{
    private static readonly Lazy<string> Migrated = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Puts a migrated database at <paramref name="path"/>.</summary>
    public static void CopyTo(string path) => File.Copy(Migrated.Value, path);

    private static string Create()
    {
        var folder = Directory.CreateTempSubdirectory("failingwell-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean up with the temp folder.
            }
        };

        var path = Path.Combine(folder, "template.db");
        // Unpooled, so the file is closed (and complete, with no journal beside it) once migrated.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<FailingWellDbContext>();
        ProviderMigrations.Configure(options, DatabaseProvider.Sqlite, connectionString, ProviderMigrations.Load(DatabaseProvider.Sqlite));
        using (var db = new FailingWellDbContext(options.Options))
        {
            db.Database.Migrate();
        }

        return path;
    }
}
