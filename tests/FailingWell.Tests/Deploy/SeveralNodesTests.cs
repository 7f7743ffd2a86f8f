using System.Diagnostics;
using System.Text.RegularExpressions;
using FailingWell.Web.Infrastructure.Data;
using FailingWell.Web.Infrastructure.Scheduling;
using FailingWell.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace FailingWell.Tests.Deploy;

/// <summary>What can be checked here of running on several nodes behind a proxy (no Docker, no SQL Server).</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed partial class SeveralNodesTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [Fact]
    public async Task A_form_from_one_node_posts_to_another_and_a_sign_in_on_one_is_accepted_by_the_other()
    {
        using var first = new FailingWellApp();
        var executive = await Staff.CreateAsync(first, StaffRoles.Executive);
        var firstClient = first.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var form = await firstClient.GetAsync(new Uri("/report", UriKind.Relative));
        var formCookies = Cookies(form);
        var token = WebUtility.HtmlDecode(Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);

        using var second = new FailingWellApp().With("ConnectionStrings:FailingWell", first.ConnectionString);
        var secondClient = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var answers = await new ReportBuilder().FormAnswersAsync(first);
        answers["__RequestVerificationToken"] = token;
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/report", UriKind.Relative)) { Content = new FormUrlEncodedContent(answers) };
        post.Headers.Add("Cookie", formCookies);
        var sent = await ReportBuilder.ReadAsync(await secondClient.SendAsync(post));
        Assert.NotNull(sent.ReceiptCode);

        var signInPage = await firstClient.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        using var signIn = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/sign-in", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = executive.Email, ["Input.Password"] = Staff.Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(await signInPage.Content.ReadAsStringAsync()).Groups[1].Value),
            }),
        };
        signIn.Headers.Add("Cookie", Cookies(signInPage));
        var password = await firstClient.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var partial = Cookies(signInPage) + "; " + Cookies(password);
        using var codePage = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/sign-in/code", UriKind.Relative));
        codePage.Headers.Add("Cookie", partial);
        var codeToken = WebUtility.HtmlDecode(Token().Match(await (await firstClient.SendAsync(codePage)).Content.ReadAsStringAsync()).Groups[1].Value);
        using var code = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/sign-in/code", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Code"] = Staff.CodeFor(executive), ["__RequestVerificationToken"] = codeToken }),
        };
        code.Headers.Add("Cookie", partial);
        var signedIn = await firstClient.SendAsync(code);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var digests = new HttpRequestMessage(HttpMethod.Get, new Uri("/digests", UriKind.Relative));
        digests.Headers.Add("Cookie", Cookies(signedIn));
        Assert.Equal(HttpStatusCode.OK, (await secondClient.SendAsync(digests)).StatusCode);

        await using var scope = first.Scope();
        Assert.True(await FailingWellApp.NewDbContext(scope).DataProtectionKeys.AnyAsync()); // the shared key ring
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "FailingWell.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Production_refuses_SQLite_behind_several_nodes_and_an_unclustered_scheduler_on_SQL_Server_saying_what_to_change()
    {
        var sqlite = new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=x.db");
        var sqlServer = new DatabaseSettings(DatabaseProvider.SqlServer, "Server=db;Database=FailingWell");

        var onSqlite = Assert.Throws<InvalidOperationException>(() => ProductionGuard.Check(new Environment("Production"), Settings(("Deployment:Nodes", "2")), sqlite));
        var unclustered = Assert.Throws<InvalidOperationException>(() => ProductionGuard.Check(new Environment("Production"), Settings(("Scheduling:Clustered", "false")), sqlServer));

        Assert.Contains("Set Database:Provider=PostgreSql", onSqlite.Message, StringComparison.Ordinal);
        Assert.Contains("every node would run every job", unclustered.Message, StringComparison.Ordinal);
        ProductionGuard.Check(new Environment("Production"), Settings(("Deployment:Nodes", "3")), sqlServer);
        ProductionGuard.Check(new Environment("Production"), Settings(), sqlite);
        ProductionGuard.Check(new Environment("Development"), Settings(("Deployment:Nodes", "2")), sqlite);
    }

    [Theory]
    [InlineData(DatabaseProvider.SqlServer, true)]
    [InlineData(DatabaseProvider.PostgreSql, true)]
    [InlineData(DatabaseProvider.Sqlite, false)]
    public void The_scheduler_is_configured_clustered_on_a_server_database_and_not_on_SQLite(DatabaseProvider provider, bool clustered)
    {
        // The options Quartz builds its job store from (no SQL Server here to connect to).
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(quartz => quartz.UsePersistentStore(store =>
            SchedulingExtensions.ConfigureStore(store, new DatabaseSettings(provider, provider switch
            {
                DatabaseProvider.SqlServer => "Server=db;Database=FailingWell",
                DatabaseProvider.PostgreSql => "Host=db;Database=failingwell",
                _ => "Data Source=x.db",
            }))));
        using var built = services.BuildServiceProvider();

        var clustering = built.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ClusteringOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName);

        Assert.Equal(clustered, clustering.Enabled);
        Assert.Equal(clustered, SchedulingExtensions.IsClustered(new DatabaseSettings(provider, "x")));
    }

    [Theory]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=Script", "sqlserver-schema.sql")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=script", "postgresql-schema.sql")]
    public void The_server_database_scripts_in_deploy_are_the_current_idempotent_migration_scripts(DatabaseProvider provider, string connectionString, string fileName)
    {
        var options = new DbContextOptionsBuilder<FailingWellDbContext>();
        ProviderMigrations.Configure(options, provider, connectionString, ProviderMigrations.Load(provider));
        using var db = new FailingWellDbContext(options.Options);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var file = File.ReadAllText(Path.Combine(Repository.Root, "deploy", fileName)).TrimStart('\uFEFF');

        Assert.True(Normalise(script) == Normalise(file),
            $"deploy/{fileName} is out of date: dotnet ef migrations script --idempotent --project src/{ProviderMigrations.AssemblyName(provider)} -o deploy/{fileName}");

        static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }

    [Fact]
    public async Task Production_does_not_migrate_at_start_up_unless_told_to()
    {
        Assert.False(DatabaseExtensions.MigratesOnStart(new Environment("Production"), Settings()));
        Assert.True(DatabaseExtensions.MigratesOnStart(new Environment("Production"), Settings(("Database:MigrateOnStart", "true"))));
        Assert.True(DatabaseExtensions.MigratesOnStart(new Environment("Development"), Settings()));

        using var app = new ProductionApp();
        var live = await app.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(30),
            async () => (await app.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_scheme_is_https_with_HSTS_and_the_forwarded_client_address_is_kept_nowhere()
    {
        using var app = new ProductionApp { ClientAddress = IPAddress.Loopback }.With("Logging:LogLevel:Default", "Trace")
            .With("Site:BaseUrl", "https://failingwell.example");
        // The browser talks https to the proxy, which talks http to the node: the cookies are Secure.
        var client = app.CreateDefaultClient(new Uri("http://failingwell.example"), new TlsFrontCookies());
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "failingwell.example");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.5");

        var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        var sent = await new ReportBuilder().PostFormAsync(app, client);

        Assert.Equal("max-age=31536000; includeSubDomains", home.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("frame-ancestors 'none'", home.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", home.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(sent.ReceiptCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.False(DatabaseBytes.Contains(DatabaseBytes.Read(app.DatabasePath), "203.0.113.5"));
        Assert.DoesNotContain("203.0.113.5", app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_compose_file_parses()
    {
        var start = new ProcessStartInfo("docker-compose") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        foreach (var argument in new[] { "-f", "deploy/docker-compose.yml", "config" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var secret in new[] { "MSSQL_SA_PASSWORD", "APP_DB_PASSWORD", "MIGRATE_DB_PASSWORD", "KEYRING_CERTIFICATE_PASSWORD" })
        {
            start.Environment[secret] = "an example only";
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, error);
        foreach (var service in new[] { "sqlserver:", "db-init:", "migrate:", "web-1:", "web-2:", "proxy:", "smtp:" })
        {
            Assert.Contains(service, output, StringComparison.Ordinal);
        }
    }
}

public static class Repository
{
    public static string Root
    {
        get
        {
            var folder = AppContext.BaseDirectory;
            while (!File.Exists(Path.Combine(folder, "FailingWell.sln")))
            {
                folder = Path.GetDirectoryName(folder.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("No repository above the tests.");
            }

            return folder;
        }
    }
}
