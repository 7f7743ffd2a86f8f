using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

/// <summary>
/// Wrong receipt codes a second against the real site (a Production process, as FuzzBenchmark runs it),
/// with the client limiter's table already holding a client for each of many addresses: each post comes
/// from an address of its own (X-Forwarded-For from the loopback proxy), as a script rotating addresses
/// sends them, and the limits are raised so every post is counted and none refused.
/// With <c>inOne64</c>, the limits stay at their defaults and every measured post comes from a new
/// address inside one IPv6 /64 (as one phone or home can rotate): how many were answered rather than refused.
/// </summary>
internal static partial class LimiterBenchmark
{
    public static async Task RunAsync(string web, int tableClients, int seconds, bool inOne64 = false)
    {
        var folder = Directory.CreateTempSubdirectory("failingwell-bench-limiter-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(web);
        start.Environment["ConnectionStrings__FailingWell"] = $"Data Source={Path.Combine(folder, "limiter.db")}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__MigrateOnStart"] = "true";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1";
        if (!inOne64)
        {
            start.Environment["Reporting__MaxWrongCodesPerHour"] = "100000000"; // counted, never refused
            start.Environment["Reporting__MaxCodeAttemptsPerHour"] = "100000000";
        }

        BehindTls.AddKeyRingCertificate(start);
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        try
        {
            using var client = BehindTls.Client(address, allowAutoRedirect: false);
            for (var wait = 0; wait < 120; wait++)
            {
                try
                {
                    if ((await client.GetAsync(new Uri("/health/live", UriKind.Relative))).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(500);
            }

            var page = await client.GetStringAsync(new Uri("/report/follow-up", UriKind.Relative));
            var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
            var next = 0;

            var measuring = false;

            // Each client address a worker takes is new: 10.x.y.z for the first 16 million, or a random one in the /64.
            async Task<int> PostAsync()
            {
                var n = Interlocked.Increment(ref next);
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/report/follow-up", UriKind.Relative))
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["Entry.Code"] = "0000-0000-0000-0000-0000-0000",
                        ["__RequestVerificationToken"] = token,
                    }),
                };
                request.Headers.Add("X-Forwarded-For", measuring && inOne64
                    ? $"2001:db8:37:1:{Random.Shared.Next(65536):x}:{Random.Shared.Next(65536):x}:{Random.Shared.Next(65536):x}:{Random.Shared.Next(65536):x}"
                    : $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
                using var response = await client.SendAsync(request);
                return (int)response.StatusCode;
            }

            async Task<(int Posts, int NotOk)> WorkAsync(Func<bool> goOn)
            {
                var posts = 0;
                var notOk = 0;
                while (goOn())
                {
                    notOk += await PostAsync() == 200 ? 0 : 1;
                    posts++;
                }

                return (posts, notOk);
            }

            const int Workers = 4;
            var filled = 0;
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(() => Interlocked.Increment(ref filled) <= tableClients)));
            measuring = true;
            var timer = Stopwatch.StartNew();
            var measured = await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(() => timer.Elapsed < TimeSpan.FromSeconds(seconds))));
            timer.Stop();
            var posts = measured.Sum(m => m.Posts);
            Console.WriteLine($"Wrong receipt codes from new addresses{(inOne64 ? " inside one IPv6 /64, limits as configured" : "")}, {Workers} at a time, after {tableClients:N0} clients were counted: "
                + $"{posts / timer.Elapsed.TotalSeconds:N0} a second ({posts:N0} in {timer.Elapsed.TotalSeconds:0.0} s; {posts - measured.Sum(m => m.NotOk):N0} answered 200, {measured.Sum(m => m.NotOk):N0} refused or failed).");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
