using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

/// <summary>
/// The reporter's pages as a phone on one bar of signal sees them (issue 40): the site published as
/// deploy/Dockerfile publishes it, in Production, and Debian's Chromium throttled by its own DevTools
/// protocol (400 kbit/s each way, 400 ms round trip, the CPU four times slower). First contentful paint
/// from the page's paint timing; bytes are what crossed the wire (the sum of encodedDataLength over
/// Network.loadingFinished, headers included). Also how long a node takes from start to
/// <c>/health/ready</c> on a migrated database, and its memory after a warm-up.
/// </summary>
internal static class WardPhoneBenchmark
{
    private const double KilobitsPerSecond = 400;
    private const double LatencyMilliseconds = 400;
    private const double CpuSlowdown = 4;

    public sealed record Visit(double FirstPaintMilliseconds, long Bytes, int Requests);

    public sealed record Result(
        Visit FirstReport, Visit RepeatReport, Visit Sent, Visit FollowUpForm, Visit FollowUpOpened,
        double StartToReadyMilliseconds, double RssMegabytes, int Reports, string Site);

    public static async Task<Result> RunAsync(string repositoryRoot, string? site, int reports, Func<string, Task>? seed)
    {
        site ??= await PublishAsync(repositoryRoot);
        var web = Path.Combine(site, "FailingWell.Web.dll");
        var folder = Directory.CreateTempSubdirectory("failingwell-bench-phone-").FullName;
        var database = Path.Combine(folder, "phone.db");
        try
        {
            Run(web, site, database, "migrate");
            if (seed is not null)
            {
                await seed(database);
            }

            var port = FreePort();
            var start = SiteStart(web, site, database, port);
            var timer = Stopwatch.StartNew();
            using var server = Process.Start(start)!;
            server.OutputDataReceived += (_, _) => { };
            server.ErrorDataReceived += (_, _) => { };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            try
            {
                // localhost, not 127.0.0.1: Chromium keeps the Secure (__Host-) cookies of Production from http://localhost only.
                var address = new Uri($"http://localhost:{port}");
                var ready = await ReadyAsync(address, timer);

                // The site has served for a while (compiled to its last tier, caches full), as in service.
                await WarmUpAsync(address);

                using var playwright = await Playwright.CreateAsync();
                await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                });

                // Each measure twice, on fresh contexts; the better of the two is kept (the other was the machine's moment).
                Visit first = null!, repeat = null!, sent = null!, codeForm = null!, opened = null!;
                for (var round = 0; round < 2; round++)
                {
                    var (f, r, s) = await ReportAsync(browser, address);
                    var (c, o) = await FollowUpAsync(browser, address);
                    first = Best(first, f);
                    repeat = Best(repeat, r);
                    sent = Best(sent, s);
                    codeForm = Best(codeForm, c);
                    opened = Best(opened, o);
                }

                server.Refresh();
                var rss = ResidentMegabytes(server.Id);
                return new Result(first, repeat, sent, codeForm, opened, ready, rss, reports, site);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    public static void Print(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        static string Paint(Visit v) => $"{v.FirstPaintMilliseconds / 1000:0.00} s";
        static string Kb(Visit v) => $"{v.Bytes / 1024.0:0.0} KB ({v.Requests} requests)";
        Console.WriteLine();
        Console.WriteLine($"A ward phone: Chromium throttled to {KilobitsPerSecond:0} kbit/s each way, {LatencyMilliseconds:0} ms round trip, CPU {CpuSlowdown:0}x slower; the site published (Release) in Production from {result.Site}, SQLite, {result.Reports:N0} reports; {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores; each the better of two runs:");
        Console.WriteLine();
        Console.WriteLine("| measure | this run | goal |");
        Console.WriteLine("| --- | --- | --- |");
        Console.WriteLine($"| `/report`, first visit: first contentful paint | {Paint(result.FirstReport)} | under 2.0 s |");
        Console.WriteLine($"| same, bytes transferred | {Kb(result.FirstReport)} | under 60 KB |");
        Console.WriteLine($"| same, repeat visit (assets cached): first contentful paint | {Paint(result.RepeatReport)} ({Kb(result.RepeatReport)}) | under 1.0 s |");
        Console.WriteLine($"| `/report/follow-up`, first visit: first contentful paint | {Paint(result.FollowUpForm)} ({Kb(result.FollowUpForm)}) | under 2.0 s |");
        Console.WriteLine($"| `/report/follow-up` with a code: the report shown, first contentful paint | {Paint(result.FollowUpOpened)} ({Kb(result.FollowUpOpened)}) | under 2.0 s |");
        Console.WriteLine($"| the sent page (receipt code), first contentful paint | {Paint(result.Sent)} ({Kb(result.Sent)}) | under 2.0 s |");
        Console.WriteLine($"| start to ready (`/health/ready`), Production, migrated database | {result.StartToReadyMilliseconds / 1000:0.00} s | under 3 s |");
        Console.WriteLine($"| memory of the node after the warm-up and these visits (RSS) | {result.RssMegabytes:0} MB at {result.Reports:N0} reports | under 250 MB at 1,000,000 |");
    }

    private static Visit Best(Visit? a, Visit b) => a is null || b.FirstPaintMilliseconds < a.FirstPaintMilliseconds ? b : a;

    /// <summary>/report on a first visit (an empty cache), again on the same phone, then sent.</summary>
    private static async Task<(Visit First, Visit Repeat, Visit Sent)> ReportAsync(IBrowser browser, Uri address)
    {
        await using var context = await PhoneAsync(browser, address);
        var page = await context.NewPageAsync();
        await using var wire = await Wire.ThrottleAsync(context, page);

        var first = await wire.MeasureAsync(page, () => page.GotoAsync("/report", new() { WaitUntil = WaitUntilState.Load }));
        var repeat = await wire.MeasureAsync(page, () => page.GotoAsync("/report", new() { WaitUntil = WaitUntilState.Load }));

        await page.GetByLabel("Something nearly happened").CheckAsync();
        await page.GetByLabel("What happened?").FillAsync("A trolley was left across the fire exit on the night shift.");
        await page.GetByLabel("Today").CheckAsync();
        await page.GetByLabel("Night", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Where did it happen?").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Nobody").CheckAsync();
        await page.GetByLabel("What is it about?").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var sent = await wire.MeasureAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
            await page.Locator("#receipt-code").WaitForAsync();
        });
        var code = (await page.Locator("#receipt-code").InnerTextAsync()).Trim();
        lock (Codes)
        {
            Codes.Add(code);
        }

        return (first, repeat, sent);
    }

    private static readonly List<string> Codes = [];

    /// <summary>/report/follow-up on a first visit, then the code entered and the report shown.</summary>
    private static async Task<(Visit Form, Visit Opened)> FollowUpAsync(IBrowser browser, Uri address)
    {
        string code;
        lock (Codes)
        {
            code = Codes[^1];
        }

        await using var context = await PhoneAsync(browser, address);
        var page = await context.NewPageAsync();
        await using var wire = await Wire.ThrottleAsync(context, page);
        var form = await wire.MeasureAsync(page, () => page.GotoAsync("/report/follow-up", new() { WaitUntil = WaitUntilState.Load }));
        await page.GetByLabel("Receipt code").FillAsync(code);
        var opened = await wire.MeasureAsync(page, async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.WaitForFunctionAsync("() => document.readyState === 'complete' && !(document.querySelector('h1')?.textContent ?? '').includes('Check on a report')");
        });
        if (await page.Locator("h1").InnerTextAsync() is var heading && heading.Contains("Check on a report", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The code did not open its report: the page says \"{heading}\".");
        }

        return (form, opened);
    }

    private static Task<IBrowserContext> PhoneAsync(IBrowser browser, Uri address) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 3,
        });

    /// <summary>One page's DevTools session: the throttling, and the bytes each load finished with.</summary>
    private sealed class Wire : IAsyncDisposable
    {
        private readonly ICDPSession _session;
        private long _bytes;
        private int _requests;

        private Wire(ICDPSession session) => _session = session;

        public static async Task<Wire> ThrottleAsync(IBrowserContext context, IPage page)
        {
            var session = await context.NewCDPSessionAsync(page);
            var wire = new Wire(session);
            session.Event("Network.loadingFinished").OnEvent += (_, e) =>
            {
                if (e is { } data && data.TryGetProperty("encodedDataLength", out var length))
                {
                    Interlocked.Add(ref wire._bytes, (long)length.GetDouble());
                    Interlocked.Increment(ref wire._requests);
                }
            };
            await session.SendAsync("Network.enable");
            await session.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false,
                ["latency"] = LatencyMilliseconds,
                ["downloadThroughput"] = KilobitsPerSecond * 1000 / 8,
                ["uploadThroughput"] = KilobitsPerSecond * 1000 / 8,
            });
            await session.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = CpuSlowdown });
            return wire;
        }

        public async Task<Visit> MeasureAsync(IPage page, Func<Task> navigate)
        {
            Interlocked.Exchange(ref _bytes, 0);
            Interlocked.Exchange(ref _requests, 0);
            await navigate();
            await page.WaitForLoadStateAsync(LoadState.Load);
            // What loads after the load event (deferred modules that were late, an icon) counts too.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var paint = await page.EvaluateAsync<double?>(
                "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null");
            return new Visit(paint ?? double.NaN, Interlocked.Read(ref _bytes), _requests);
        }

        public async ValueTask DisposeAsync() => await _session.DetachAsync();
    }

    private static async Task<double> ReadyAsync(Uri address, Stopwatch timer)
    {
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        while (timer.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                if ((await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return timer.Elapsed.TotalMilliseconds;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The site was not ready in two minutes.");
    }

    /// <summary>Twenty seconds of every anonymous page a reporter opens, over plain HTTP, and the assets.</summary>
    private static async Task WarmUpAsync(Uri address)
    {
        using var client = BehindTls.Client(address);
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromSeconds(20))
        {
            foreach (var path in new[] { "/", "/report", "/report/follow-up", "/health/ready" })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                await response.Content.ReadAsByteArrayAsync();
            }
        }
    }

    private static double ResidentMegabytes(int process)
    {
        foreach (var line in File.ReadLines($"/proc/{process}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }

    private static ProcessStartInfo SiteStart(string web, string site, string database, int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = site, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(web);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__FailingWell"] = $"Data Source={database}";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Reporting__MaxReportsPerHour"] = "100000000";
        start.Environment["Reporting__MaxCodeAttemptsPerHour"] = "100000000";
        // Migrated before it starts, as in Production (the migrate verb or the deploy scripts).
        start.Environment["Database__MigrateOnStart"] = "false";
        BehindTls.AddKeyRingCertificate(start);
        return start;
    }

    private static void Run(string web, string site, string database, params string[] arguments)
    {
        var start = SiteStart(web, site, database, 0);
        start.Environment["Database__MigrateOnStart"] = "true";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed: {error} {output.Result}");
        }
    }

    /// <summary>As deploy/Dockerfile and the published-site tests do: Release, into a folder of its own.</summary>
    private static async Task<string> PublishAsync(string repositoryRoot)
    {
        var folder = Directory.CreateTempSubdirectory("failingwell-bench-published-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", "src/FailingWell.Web/FailingWell.Web.csproj", "-c", "Release", "-o", folder, "--nologo", "-clp:ErrorsOnly" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The publish failed: {await output} {error}");
        }

        return folder;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
