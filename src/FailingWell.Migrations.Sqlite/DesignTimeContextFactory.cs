using FailingWell.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FailingWell.Migrations.Sqlite;

/// <summary>
/// How dotnet-ef builds the context when it adds a Sqlite migration: no database is opened, the
/// connection string only has to parse.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<FailingWellDbContext>
{
    public FailingWellDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FailingWellDbContext>();
        ProviderMigrations.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db", typeof(DesignTimeContextFactory).Assembly);
        return new FailingWellDbContext(options.Options);
    }
}
