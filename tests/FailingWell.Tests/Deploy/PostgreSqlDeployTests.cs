using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FailingWell.Web.Infrastructure.Data;
using FailingWell.Web.Infrastructure.Scheduling;
using Npgsql;
using Quartz;

namespace FailingWell.Tests.Deploy;

/// <summary>
/// deploy/ on PostgreSQL: the compose file as docker-compose reads it, and the logins script run for
/// real on the private PostgreSQL server, with the app migrated by one role and run by the other.
/// </summary>
public sealed partial class PostgreSqlDeployTests
{
    private const string ComposeFile = "deploy/docker-compose.postgres.yml";

    private static readonly Dictionary<string, string> Secrets = new(StringComparer.Ordinal)
    {
        ["POSTGRES_PASSWORD"] = "superuser-example",
        ["APP_DB_PASSWORD"] = "app-example",
        ["MIGRATE_DB_PASSWORD"] = "migrate-example",
        ["KEYRING_CERTIFICATE_PASSWORD"] = "keyring-example",
    };

    [GeneratedRegex(@"^  ([\w-]+):\s*$")]
    private static partial Regex ServiceLine();

    [GeneratedRegex(@"ConnectionStrings__FailingWell: .*Username=([^;]+);")]
    private static partial Regex ConnectionUser();

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.PostgreSqlOnly)]
    public async Task The_compose_file_parses_and_each_secret_reaches_only_the_services_that_use_it()
    {
        var (exitCode, output, error) = await ComposeConfigAsync(Secrets);
        Assert.True(exitCode == 0, error);
        var services = Services(output);

        Assert.Equal(["db-init", "migrate", "postgres", "proxy", "smtp", "web-1", "web-2"], services.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("image: postgres:15", services["postgres"], StringComparison.Ordinal);
        Assert.Contains("pgdata:/var/lib/postgresql/data", services["postgres"], StringComparison.Ordinal);
        // The superuser's password is the server's and db-init's; each role's password goes where that role connects.
        Assert.Equal(["db-init", "postgres"], Holding(Secrets["POSTGRES_PASSWORD"]));
        Assert.Equal(["db-init", "migrate"], Holding(Secrets["MIGRATE_DB_PASSWORD"]));
        Assert.Equal(["db-init", "web-1", "web-2"], Holding(Secrets["APP_DB_PASSWORD"]));
        Assert.Equal(["migrate", "web-1", "web-2"], Holding(Secrets["KEYRING_CERTIFICATE_PASSWORD"]));
        Assert.Equal(["migrate", "web-1", "web-2"], Holding("source: keyring.pfx"));
        Assert.Equal(["migrate", "web-1", "web-2"], Holding("Database__Provider: PostgreSql"));
        Assert.Equal("failingwell_app", ConnectionUser().Match(services["web-1"]).Groups[1].Value);
        Assert.Equal("failingwell_app", ConnectionUser().Match(services["web-2"]).Groups[1].Value);
        Assert.Equal("failingwell_migrate", ConnectionUser().Match(services["migrate"]).Groups[1].Value);
        Assert.Contains("Deployment__Nodes: '2'", services["web-1"], StringComparison.Ordinal);
        // db-init runs deploy/postgresql-logins.sql with psql, the script the live test below runs.
        Assert.Contains("/deploy/postgresql-logins.sql:/init/postgresql-logins.sql:ro", services["db-init"], StringComparison.Ordinal);
        Assert.Contains("exec psql -X -v ON_ERROR_STOP=1 -h postgres -U postgres -d postgres -f /init/postgresql-logins.sql",
            Regex.Replace(services["db-init"], @"\s+", " "), StringComparison.Ordinal);
        Assert.Contains("/deploy/migrate.sh:/migrate.sh:ro", services["migrate"], StringComparison.Ordinal);
        Assert.Contains("/deploy/nginx.conf:/etc/nginx/nginx.conf:ro", services["proxy"], StringComparison.Ordinal);

        // Without any one secret, docker-compose refuses the file and names what to set.
        foreach (var missing in Secrets.Keys)
        {
            var (code, _, message) = await ComposeConfigAsync(Secrets.Where(s => s.Key != missing).ToDictionary());
            Assert.NotEqual(0, code);
            Assert.Contains("set " + missing, message, StringComparison.Ordinal);
        }

        List<string> Holding(string text) =>
            [.. services.Where(s => s.Value.Contains(text, StringComparison.Ordinal)).Select(s => s.Key).Order(StringComparer.Ordinal)];
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.PostgreSqlOnly)]
    public async Task The_logins_script_gives_the_migrate_role_the_schema_and_the_web_nodes_role_rows_only()
    {
        var server = PrivatePostgres.Shared;
        var database = $"fw_logins_{Environment.ProcessId}";
        var databaseConnection = server.ConnectionString(database);
        try
        {
            RunLoginsScript(server, database);
            var migrate = As(databaseConnection, "failingwell_migrate", Secrets["MIGRATE_DB_PASSWORD"]);
            var web = As(databaseConnection, "failingwell_app", Secrets["APP_DB_PASSWORD"]);

            // The migrate job: the schema, then one app started until it is ready, so Quartz has made its tables.
            using (var migrating = new FailingWellApp()
                .With("ConnectionStrings:FailingWell", migrate)
                .With("Database:Provider", "PostgreSql"))
            {
                Assert.True(await ReadyAsync(migrating), "The app did not become ready as failingwell_migrate.");
            }

            Assert.Equal(["failingwell_migrate"], await QueryAsync(databaseConnection,
                "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"));
            Assert.Contains("qrtz_locks", await QueryAsync(databaseConnection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));
            Assert.Equal(["failingwell_app SCRAM-SHA-256", "failingwell_migrate SCRAM-SHA-256"], await QueryAsync(databaseConnection,
                """
                SELECT rolname || ' ' || split_part(rolpassword, '$', 1) FROM pg_authid
                WHERE rolname LIKE 'failingwell%' AND NOT (rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls)
                ORDER BY rolname
                """));

            // A web node: no migration, connected as failingwell_app, with nothing granted since the tables
            // were made (the default privileges cover them); it takes a report and reads it back.
            using (var node = new FailingWellApp()
                .With("ConnectionStrings:FailingWell", web)
                .With("Database:Provider", "PostgreSql")
                .With("Database:MigrateOnStart", "false"))
            {
                var sent = await new ReportBuilder { WhatHappened = "A pump alarmed and nobody came for ten minutes." }.PostFormAsync(node, node.CreateClient());
                Assert.NotNull(sent.Reference);
                Assert.NotNull(sent.ReceiptCode);
                var saved = await SavedReports.LoadAsync(node, sent.Reference);
                Assert.Equal("A pump alarmed and nobody came for ten minutes.", saved.WhatHappened);
                // The scheduler runs as the web nodes' role on the tables the migrate role made.
                Assert.True(await ReadyAsync(node), "A node as failingwell_app did not become ready.");
            }

            // Safe to run again on a migrated database, which the web nodes' role still only reads and writes.
            RunLoginsScript(server, database);
            Assert.Equal(["1"], await QueryAsync(web, "SELECT count(*)::text FROM \"Reports\""));

            // The web nodes' role cannot change the schema, its own tables or the scheduler's.
            await using var connection = new NpgsqlConnection(web);
            await connection.OpenAsync();
            foreach (var statement in new[]
            {
                "CREATE TABLE \"Stolen\" (\"Id\" integer)",
                "CREATE TEMPORARY TABLE \"Stolen\" (\"Id\" integer)",
                "CREATE SCHEMA stolen",
                "ALTER TABLE \"Reports\" ADD COLUMN \"Stolen\" text",
                "DROP TABLE \"Reports\"",
                "TRUNCATE \"Reports\" CASCADE",
                "DROP TABLE qrtz_locks",
            })
            {
                await using var command = new NpgsqlCommand(statement, connection);
                var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
                Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{statement}: {refused.SqlState} {refused.MessageText}");
            }
        }
        finally
        {
            server.DropDatabase(databaseConnection);
            await using var admin = new NpgsqlConnection(server.AdminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP ROLE IF EXISTS failingwell_app, failingwell_migrate", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    [Trait(TestDatabase.Trait, TestDatabase.PostgreSqlOnly)]
    public void The_operations_guide_covers_PostgreSQL_backups_and_gives_the_failover_window_the_scheduler_has()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "deploy", "README.md"));
        var services = new ServiceCollection();
        services.AddQuartz(quartz => quartz.UsePersistentStore(store =>
            SchedulingExtensions.ConfigureStore(store, new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=db;Database=failingwell"))));
        using var built = services.BuildServiceProvider();
        var clustering = built.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ClusteringOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName);

        var failover = Section(readme, "Failover");
        // A dead node's triggers wait for its check-in interval plus the misfire threshold.
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{clustering.CheckinInterval.TotalSeconds:0} s + {clustering.CheckinMisfireThreshold.TotalSeconds:0} s"), failover, StringComparison.Ordinal);
        Assert.Contains("docker-compose.postgres.yml", readme, StringComparison.Ordinal);
        var backup = Section(readme, "Back up and restore");
        Assert.Contains("pg_dump -Fc", backup, StringComparison.Ordinal);
        Assert.Contains("pg_restore", backup, StringComparison.Ordinal);
        Assert.Contains("archive_command", backup, StringComparison.Ordinal);
        Assert.Contains("recovery_target_time", backup, StringComparison.Ordinal);

        static string Section(string text, string heading)
        {
            var start = text.IndexOf("\n## " + heading, StringComparison.Ordinal);
            Assert.True(start >= 0, $"deploy/README.md has no section \"{heading}\"");
            var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
            return end < 0 ? text[start..] : text[start..end];
        }
    }

    private static string As(string connectionString, string user, string password) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = user, Password = password }.ConnectionString;

    private static async Task<bool> ReadyAsync(FailingWellApp app)
    {
        var client = app.CreateClient();
        return await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(60),
            async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK);
    }

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>
    /// deploy/postgresql-logins.sql with psql as the superuser, the passwords in the environment as
    /// the compose db-init service gives them; only the database's name differs (a fresh one).
    /// </summary>
    private static void RunLoginsScript(PrivatePostgres server, string database)
    {
        var psql = Directory.GetFiles("/usr/lib/postgresql", "psql", SearchOption.AllDirectories)
            .Where(p => p.EndsWith("/bin/psql", StringComparison.Ordinal))
            .OrderByDescending(p => int.TryParse(p.Split('/')[4], out var version) ? version : 0)
            .FirstOrDefault() ?? throw new InvalidOperationException("psql is not installed (/usr/lib/postgresql/*/bin/psql).");
        var start = new ProcessStartInfo(psql) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        foreach (var argument in new[]
        {
            "-X", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres",
            "-v", "db=" + database, "-f", Path.Combine("deploy", "postgresql-logins.sql"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["APP_DB_PASSWORD"] = Secrets["APP_DB_PASSWORD"];
        start.Environment["MIGRATE_DB_PASSWORD"] = Secrets["MIGRATE_DB_PASSWORD"];
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"psql failed ({process.ExitCode}): {error.Result}{output.Result}");
        Assert.Equal(string.Empty, error.Result);
    }

    private static async Task<(int ExitCode, string Output, string Error)> ComposeConfigAsync(IReadOnlyDictionary<string, string> secrets)
    {
        var start = new ProcessStartInfo("docker-compose") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        foreach (var argument in new[] { "-f", ComposeFile, "config" })
        {
            start.ArgumentList.Add(argument);
        }

        // Only what this test gives: none of the secrets from the machine running it.
        foreach (var name in Secrets.Keys)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in secrets)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Each service of docker-compose's resolved configuration, as its block of lines.</summary>
    private static Dictionary<string, string> Services(string config)
    {
        var services = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var inServices = false;
        foreach (var line in config.Split('\n'))
        {
            if (line.Length > 0 && line[0] != ' ')
            {
                inServices = line.StartsWith("services:", StringComparison.Ordinal);
                current = null;
                continue;
            }

            var service = ServiceLine().Match(line);
            if (inServices && service.Success)
            {
                current = service.Groups[1].Value;
                services[current] = string.Empty;
            }
            else if (current is not null)
            {
                services[current] += line + "\n";
            }
        }

        return services;
    }
}
