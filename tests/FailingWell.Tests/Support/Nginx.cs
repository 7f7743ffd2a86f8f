using System.Diagnostics;

namespace FailingWell.Tests.Support;

/// <summary>
/// Debian's nginx (/usr/sbin/nginx, package nginx-light; ./test.sh installs it) running deploy/nginx.conf
/// itself in front of a site, as its own process on a free loopback port: the sample's upstream, listen
/// address and file paths are changed for a test, nothing else. Not a daemon; its pid, error log and
/// temporary files are in a folder of its own, deleted at the end.
/// </summary>
public sealed class Nginx : IDisposable
{
    public const string Program = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;

    private Nginx(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    /// <summary>Where nginx listens: http://127.0.0.1:port.</summary>
    public Uri Address { get; }

    /// <summary>The host name deploy/nginx.conf serves (its <c>server_name</c>); every other host is dropped.</summary>
    public const string SiteHost = "localhost";

    public static async Task<Nginx> StartInFrontOfAsync(params SiteProcess[] nodes)
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"{Program} is missing: install Debian's nginx-light (./test.sh does).");
        }

        var folder = Directory.CreateTempSubdirectory("failingwell-nginx-").FullName;
        var port = SiteProcess.FreePort();
        var sample = await File.ReadAllTextAsync(Path.Combine(PublishedSite.RepositoryRoot(), "deploy", "nginx.conf"));
        var configuration = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configuration, ForTest(sample, folder, port, nodes.Select(n => n.Address)));

        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", folder + "/", "-c", configuration, "-g", "daemon off; master_process off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var errors = new System.Text.StringBuilder();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var nginx = new Nginx(process, folder, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return nginx;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }

        nginx.Dispose();
        string said;
        lock (errors)
        {
            said = errors.ToString();
        }

        var log = Path.Combine(folder, "error.log");
        throw new InvalidOperationException($"nginx did not start: {said} {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "")}");
    }

    /// <summary>The sample with the test's upstream, port and paths: the server blocks, headers and maps are the sample's own.</summary>
    private static string ForTest(string sample, string folder, int port, IEnumerable<Uri> nodes)
    {
        var lines = new List<string>();
        foreach (var line in sample.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("user ", StringComparison.Ordinal) || trimmed.StartsWith("server web-", StringComparison.Ordinal))
            {
                continue;
            }

            if (trimmed.StartsWith("pid ", StringComparison.Ordinal))
            {
                lines.Add($"pid {folder}/nginx.pid;");
            }
            else if (trimmed.StartsWith("error_log ", StringComparison.Ordinal))
            {
                lines.Add($"error_log {folder}/error.log warn;");
            }
            else if (trimmed.StartsWith("listen 80", StringComparison.Ordinal))
            {
                lines.Add(line.Replace("listen 80", $"listen 127.0.0.1:{port}", StringComparison.Ordinal));
            }
            else if (trimmed.StartsWith("upstream failingwell", StringComparison.Ordinal))
            {
                lines.Add(line);
                lines.AddRange(nodes.Select(node => $"        server {node.Host}:{node.Port};"));
            }
            else if (trimmed == "http {")
            {
                lines.Add(line);
                foreach (var temp in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
                {
                    lines.Add($"    {temp}_temp_path {folder}/{temp}_temp;");
                }
            }
            else
            {
                lines.Add(line);
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// A client of nginx standing where the TLS terminator stands: asking for the site's host, and saying
    /// (as the terminator would) that the request came from <paramref name="client"/>. Cookies kept as the
    /// browser behind the terminator keeps them, redirects not followed.
    /// </summary>
    public HttpClient Browser(string? client = null)
    {
        var browser = new HttpClient(TlsFrontCookies.OverSocket()) { BaseAddress = Address };
        browser.DefaultRequestHeaders.Host = SiteHost;
        if (client is not null)
        {
            browser.DefaultRequestHeaders.Add("X-Forwarded-For", client);
            browser.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        }

        return browser;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
