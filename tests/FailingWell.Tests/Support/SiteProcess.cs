using System.Diagnostics;
using System.Net.Sockets;

namespace FailingWell.Tests.Support;

/// <summary>
/// The real site as its own process on a free loopback port, in Production, over a database a
/// test made: for what only a real process shows, such as being killed without warning.
/// </summary>
public sealed class SiteProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private SiteProcess(Process process, Uri address, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        Address = address;
        _output = output;
    }

    public Uri Address { get; }

    /// <summary>The process's last 400 lines of output (warnings and errors: it logs at Warning), for a failing test to quote.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Starts the site on the database of <paramref name="database"/> (SQLite file or PostgreSQL), on
    /// <paramref name="port"/> when given (to start a killed site again where others expect it), else a free one.
    /// The site is the test's own build output, or the folder given (<see cref="PublishedSite"/>), which
    /// is then also its content root, as in the image.
    /// </summary>
    public static Task<SiteProcess> StartAsync(FailingWellApp database, IReadOnlyDictionary<string, string>? settings = null, int? port = null, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return StartAsync(database.ConnectionString, database.Provider, settings, port, folder);
    }

    /// <summary>The published site (deploy/Dockerfile's publish) on the database of <paramref name="database"/>.</summary>
    public static async Task<SiteProcess> StartPublishedAsync(FailingWellApp database, IReadOnlyDictionary<string, string>? settings = null) =>
        await StartAsync(database, settings, folder: await PublishedSite.FolderAsync());

    public static async Task<SiteProcess> StartAsync(string connectionString, FailingWell.Web.Infrastructure.Data.DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null, int? port = null, string? folder = null)
    {
        port ??= FreePort();
        folder ??= AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "FailingWell.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__FailingWell"] = connectionString;
        start.Environment["Database__Provider"] = provider.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Scheduling__InstanceName"] = "FailingWell-" + Guid.NewGuid().ToString("N");
        foreach (var (key, value) in TestCertificate.Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Enqueue(line);
            while (output.Count > 400 && output.TryDequeue(out _))
            {
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var site = new SiteProcess(process, new Uri($"http://127.0.0.1:{port}"), output);
        using var probe = new HttpClient { BaseAddress = site.Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync(new Uri("/health/live", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return site;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        site.Dispose();
        throw new InvalidOperationException("The site did not start. Its last words:\n" + site.Output);
    }

    /// <summary>
    /// A browser of its own: cookies kept (as at the TLS terminator in front: Production's are Secure),
    /// redirects not followed.
    /// </summary>
    public HttpClient Browser() => new(TlsFrontCookies.OverSocket()) { BaseAddress = Address };

    /// <summary>A browser whose cookies are <paramref name="cookies"/>: give two nodes the same container for one browser behind a proxy.</summary>
    public HttpClient Browser(CookieContainer cookies) =>
        new(new TlsFrontCookies(cookies) { InnerHandler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false } }) { BaseAddress = Address };

    /// <summary>SIGKILL: no shutdown, no flushing, nothing finished that was not already committed.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>A loopback port nothing listens on now: for a site that is started later (or not at all).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
