using FailingWell.Web.Infrastructure.Data;

namespace FailingWell.Tests.Support;

/// <summary>
/// Which database this test run is on. ./test.sh runs the suites that touch SQL a second time with
/// FAILINGWELL_TEST_PROVIDER=PostgreSql; tests about what only one of them has carry the trait
/// <c>Database</c> (<see cref="SqliteOnly"/>, <see cref="PostgreSqlOnly"/>) so each pass can leave them out.
/// </summary>
public static class TestDatabase
{
    public const string Trait = "Database";
    public const string SqliteOnly = "Sqlite";
    public const string PostgreSqlOnly = "PostgreSql";

    public static DatabaseProvider Provider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("FAILINGWELL_TEST_PROVIDER"), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;
}
