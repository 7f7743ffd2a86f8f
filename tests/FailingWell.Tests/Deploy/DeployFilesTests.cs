using System.Text.RegularExpressions;

namespace FailingWell.Tests.Deploy;

/// <summary>
/// What can be checked of deploy/ without Docker or nginx here: the files themselves
/// (deploy/README.md). The compose file's syntax is checked by SeveralNodesTests.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static string Read(string file) => File.ReadAllText(Path.Combine(Repository.Root, "deploy", file));

    /// <summary>The nginx configuration's directives, comments taken out.</summary>
    private static string Nginx() => string.Join('\n', Read("nginx.conf").Split('\n').Select(line => line.Split('#')[0]));

    [GeneratedRegex(@"User Id\s*=\s*([^;""]+)", RegexOptions.IgnoreCase)]
    private static partial Regex UserId();

    [Fact]
    public void Nothing_the_site_runs_connects_to_the_database_as_sa_and_the_web_nodes_login_only_reads_and_writes_rows()
    {
        var compose = Read("docker-compose.yml");
        var logins = Read("sqlserver-logins.sql");

        var users = compose.Split('\n').Where(l => l.Contains("ConnectionStrings__FailingWell", StringComparison.Ordinal))
            .Select(l => UserId().Match(l).Groups[1].Value.Trim()).ToList();
        Assert.Equal(["failingwell_app", "failingwell_migrate"], users.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(users, u => u.Equals("sa", StringComparison.OrdinalIgnoreCase));
        var appRoles = Regex.Matches(logins, @"ALTER ROLE \[(\w+)\] ADD MEMBER \[failingwell_app\]").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
        Assert.Equal(["db_datareader", "db_datawriter"], appRoles);
        Assert.DoesNotContain("GRANT", logins, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ALTER ROLE [db_ddladmin] ADD MEMBER [failingwell_migrate]", logins, StringComparison.Ordinal);
    }

    [Fact]
    public void Nginx_passes_on_the_scheme_the_browser_used_and_no_log_of_it_records_a_client_address()
    {
        var nginx = Nginx();

        // The scheme: what the TLS terminator in front said, else nginx's own.
        Assert.Matches(@"map \$http_x_forwarded_proto \$forwarded_proto \{[^}]*default \$scheme;[^}]*https\s+https;", nginx);
        Assert.Matches(@"proxy_set_header X-Forwarded-Proto \$forwarded_proto;", nginx);
        Assert.DoesNotMatch(@"X-Forwarded-Proto \$scheme", nginx);

        // No access log at all, no log format with an address, and an error log of start-up failures only.
        Assert.DoesNotContain(Regex.Matches(nginx, @"log_format[^;]*;").Select(m => m.Value),
            format => Regex.IsMatch(format, @"\$(remote_addr|realip_remote_addr|binary_remote_addr|http_x_forwarded_for|proxy_add_x_forwarded_for|http_x_real_ip)"));
        var accessLogs = Regex.Matches(nginx, @"access_log\s+([^;]*);").Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.NotEmpty(accessLogs);
        Assert.All(accessLogs, value => Assert.Equal("off", value));
        var errorLogs = Regex.Matches(nginx, @"error_log\s+([^;]*);").Select(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.NotEmpty(errorLogs);
        Assert.All(errorLogs, parts => Assert.Equal("emerg", parts[^1]));
        // The whole configuration replaces the image's own, whose access log format starts with $remote_addr.
        Assert.DoesNotContain("include /etc/nginx/conf.d", nginx, StringComparison.Ordinal);
        Assert.Contains("./nginx.conf:/etc/nginx/nginx.conf:ro", Read("docker-compose.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Production_service_of_the_compose_file_has_the_key_ring_certificate()
    {
        var compose = Read("docker-compose.yml");

        // The web nodes (the shared block) and the migrate job each name it.
        Assert.Equal(2, Regex.Count(compose, @"DataProtection__Certificate__Path: /run/secrets/keyring\.pfx"));
        Assert.Equal(2, Regex.Count(compose, @"DataProtection__Certificate__Password: ""\$\{KEYRING_CERTIFICATE_PASSWORD"));
    }
}
