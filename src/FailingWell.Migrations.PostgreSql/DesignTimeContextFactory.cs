using FailingWell.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FailingWell.Migrations.PostgreSql;

/// <summary>
/// How dotnet-ef builds the context when it adds a PostgreSQL migration: no database is opened, the
/// connection string only has to parse.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<FailingWellDbContext>
{
    public FailingWellDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FailingWellDbContext>();
        ProviderMigrations.Configure(options, DatabaseProvider.PostgreSql, "Host=localhost;Database=failingwell", typeof(DesignTimeContextFactory).Assembly);
        return new FailingWellDbContext(options.Options);
    }
}
