using FailingWell.Web.Infrastructure.Data;
using Npgsql;

namespace FailingWell.Tests.Infrastructure.Data;

public sealed class PostgreSqlConnectionDefaultsTests
{
    [Fact]
    public void Statements_are_prepared_automatically_when_the_operator_has_not_said()
    {
        var applied = new NpgsqlConnectionStringBuilder(
            PostgreSqlConnectionDefaults.Apply("Host=db.internal;Database=failingwell;Username=app"));

        Assert.Equal(PostgreSqlConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal("db.internal", applied.Host);
        Assert.Equal("failingwell", applied.Database);
        Assert.Equal("app", applied.Username);
    }

    [Theory]
    [InlineData("Host=db;Database=fw;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=fw;MaxAutoPrepare=200", 200)]
    [InlineData("Host=db;Database=fw;max auto prepare=7", 7)]
    public void The_operators_own_setting_is_kept(string connectionString, int expected)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply(connectionString));

        Assert.Equal(expected, applied.MaxAutoPrepare);
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.PostgreSqlOnly)]
    public async Task A_statement_the_site_runs_again_and_again_is_prepared_on_the_server()
    {
        using var app = new FailingWellApp();
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        await db.Database.OpenConnectionAsync();

        for (var i = 0; i < 10; i++)
        {
            _ = await db.Reports.CountAsync(r => r.Id > i);
        }

        var prepared = await db.Database
            .SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%\"Reports\"%'")
            .SingleAsync();
        Assert.True(prepared >= 1, "The repeated count over Reports was not prepared on this connection.");
    }
}
