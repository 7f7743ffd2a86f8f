using FailingWell.Web.Infrastructure.Data;

namespace FailingWell.Tests.Infrastructure.Data;

public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=pending-check.db")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=PendingCheck;TrustServerCertificate=true")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=pending_check")]
    public void Provider_migrations_have_no_pending_model_changes(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<FailingWellDbContext>();
        ProviderMigrations.Configure(options, provider, connectionString, ProviderMigrations.Load(provider));
        using var db = new FailingWellDbContext(options.Options);

        // Compares the model with the provider's latest snapshot; opens no connection.
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changed since the last {provider} migration: add one (docs/development.md, 'Changing the model').");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
    public async Task A_fresh_SQLite_file_is_created_and_migrated_at_start_up()
    {
        using var app = FailingWellApp.OnEmptyDatabase(); // other tests start from a copy of a migrated file
        Assert.False(File.Exists(app.DatabasePath));
        _ = app.Services; // starts the application

        var tables = await DatabaseBytes.TablesAsync(app.ConnectionString);

        Assert.Contains("__EFMigrationsHistory", tables);
        Assert.Contains("AspNetUsers", tables);
        Assert.Contains("OutboxEmails", tables);
        Assert.Contains(tables, t => t.Equals("QRTZ_JOB_DETAILS", StringComparison.OrdinalIgnoreCase));

        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // The word index's triggers are hand-written: a later migration that rebuilt Reports must have made them again.
        var triggers = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Reports' ORDER BY name").ToListAsync();
        Assert.Equal(["ReportText_AfterDelete", "ReportText_AfterInsert", "ReportText_AfterUpdate"], triggers);
    }
}
