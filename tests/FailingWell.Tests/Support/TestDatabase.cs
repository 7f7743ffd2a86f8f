using FailingWell.Web.Infrastructure.Data;

namespace FailingWell.Tests.Support;

/// <summary>
/// Which database this test run is on. ./test.sh runs every test on SQLite, then a second time with
/// FAILINGWELL_TEST_PROVIDER=PostgreSql only the test classes whose behaviour can differ by provider
/// (<see cref="EveryProvider"/>) and those about PostgreSQL alone (decision record 0100). Tests about
/// what only one of them has carry the trait <c>Database</c> (<see cref="SqliteOnly"/>,
/// <see cref="PostgreSqlOnly"/>) so each pass can leave them out.
/// </summary>
public static class TestDatabase
{
    public const string Trait = "Database";
    public const string SqliteOnly = "Sqlite";
    public const string PostgreSqlOnly = "PostgreSql";

    /// <summary>
    /// Behaviour that can differ by provider, so it runs on both: SQL the providers translate or
    /// branch on (text search, dates, grouping, ordering, paging, case), transactions, races and
    /// unique constraints, bulk updates, migrations, the scheduler's store, several nodes. Put it on
    /// the class, and never on a class holding a <see cref="SqliteOnly"/> test (it would bring that
    /// test into the PostgreSQL pass).
    /// </summary>
    public const string EveryProvider = "EveryProvider";

    public static DatabaseProvider Provider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("FAILINGWELL_TEST_PROVIDER"), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;
}
