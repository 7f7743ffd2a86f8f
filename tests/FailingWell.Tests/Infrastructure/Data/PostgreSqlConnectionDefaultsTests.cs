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
        Assert.True(applied.NoResetOnClose);
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

    [Theory]
    [InlineData("Host=db;Database=fw;No Reset On Close=false", false)]
    [InlineData("Host=db;Database=fw;NoResetOnClose=false", false)]
    [InlineData("Host=db;Database=fw;no reset on close=true", true)]
    public void The_operators_own_reset_setting_is_kept(string connectionString, bool expected)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionDefaults.Apply(connectionString));

        Assert.Equal(expected, applied.NoResetOnClose);
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.PostgreSqlOnly)]
    public async Task A_connection_back_in_the_pool_is_not_reset_on_the_server()
    {
        using var app = new FailingWellApp();

        await using var next = await NextUserOfTheSameConnectionAsync(app, first =>
            ScalarAsync<string>(first, "SELECT set_config('failingwell.probe', 'kept', false)"));

        Assert.Equal("kept", await ScalarAsync<string>(next, "SELECT current_setting('failingwell.probe', true)"));
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.PostgreSqlOnly)]
    public async Task A_transaction_left_open_when_its_connection_closes_is_rolled_back_before_the_next_user()
    {
        using var app = new FailingWellApp();

        await using var next = await NextUserOfTheSameConnectionAsync(app, async first =>
        {
            var transaction = await first.BeginTransactionAsync();
            await using var create = new NpgsqlCommand("CREATE TEMP TABLE left_open (x int)", first, transaction);
            await create.ExecuteNonQueryAsync();
        });

        Assert.True(await ScalarAsync<bool>(next, "SELECT to_regclass('pg_temp.left_open') IS NULL"),
            "The transaction of the connection's last user was still open: its table was there.");
    }

    /// <summary>
    /// Opens a connection with the site's settings in a pool of its own, lets <paramref name="firstUser"/>
    /// use and close it, and opens the next, checked to be the same server process.
    /// </summary>
    private static async Task<NpgsqlConnection> NextUserOfTheSameConnectionAsync(FailingWellApp app, Func<NpgsqlConnection, Task> firstUser)
    {
        string site;
        await using (var scope = app.Scope())
        {
            site = FailingWellApp.NewDbContext(scope).Database.GetConnectionString()!;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(site) { ApplicationName = "probe-" + Guid.NewGuid().ToString("N") }.ConnectionString;
        int firstBackend;
        await using (var first = new NpgsqlConnection(connectionString))
        {
            await first.OpenAsync();
            firstBackend = await ScalarAsync<int>(first, "SELECT pg_backend_pid()");
            await firstUser(first);
        }

        var next = new NpgsqlConnection(connectionString);
        await next.OpenAsync();
        Assert.Equal(firstBackend, await ScalarAsync<int>(next, "SELECT pg_backend_pid()"));
        return next;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
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
