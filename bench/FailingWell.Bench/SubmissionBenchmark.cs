using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using FailingWell.Bench;

/// <summary>
/// Staff sending reports over HTTP as a browser does (GET the form, POST it with its antiforgery
/// token) at 1, 8 and 32 concurrent clients, measured beside the same site's /health/live throughput
/// (the site answering with no database work: the ceiling of the host itself).
/// </summary>
internal static partial class SubmissionBenchmark
{
    /// <param name="Stolen">The share of the machine's CPU time the host took for others while the level ran (steal, from /proc/stat).</param>
    public sealed record Level(int Clients, double PerSecond, double P50, double P95, double P99, int Errors, double HealthPerSecond, double Stolen);

    /// <param name="NotOpening">Receipt codes shown that do not open their report after the site was killed.</param>
    /// <param name="FollowUpCpuMilliseconds">The site's CPU time per follow-up (GET the page, POST a valid code, the report shown).</param>
    public sealed record Result(IReadOnlyList<Level> Levels, int Shown, long Committed, int NotOpening, int FollowUps, double FollowUpCpuMilliseconds, double VerifyMicroseconds);

    /// <summary>Submissions sent before anything is measured.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(20);

    public static async Task<Result> RunAsync(string web, int seconds, BenchTarget database)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(web);
        database.Apply(start);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__MigrateOnStart"] = "true"; // a fresh benchmark database each run
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Reporting__MaxReportsPerHour"] = "100000000"; // every benchmark client shares one address
        start.Environment["Reporting__MaxCodeAttemptsPerHour"] = "100000000";
        BehindTls.AddKeyRingCertificate(start);
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var levels = new List<Level>();
        var codes = new List<string>();
        var followUps = 0;
        var followUpCpu = 0.0;
        try
        {
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            using (var probe = new HttpClient { BaseAddress = baseAddress })
            {
                for (var wait = 0; wait < 120; wait++)
                {
                    try
                    {
                        if ((await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                        {
                            break;
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }

                    await Task.Delay(500);
                }
            }

            // A site in service has run for days: its code is compiled to the last tier and its
            // caches are full. Without this, tiered compilation (13.8% of the site's CPU in a
            // profile of the measured run) and code still instrumented for it were part of every level.
            // The warm-up's receipts are checked after the kill like the rest.
            await SubmitAsync(baseAddress, 32, WarmUp, codes);
            await HealthAsync(baseAddress, 32, TimeSpan.FromSeconds(3));

            // The ceiling first, on the idle site.
            var ceiling = new Dictionary<int, double>();
            foreach (var clients in new[] { 1, 8, 32 })
            {
                ceiling[clients] = await HealthAsync(baseAddress, clients, TimeSpan.FromSeconds(Math.Max(3, seconds / 2)));
            }

            foreach (var clients in new[] { 1, 8, 32 })
            {
                var health = ceiling[clients];
                var before = CpuTicks.Read();
                var (perSecond, latencies, errors, ok) = await SubmitAsync(baseAddress, clients, TimeSpan.FromSeconds(seconds), codes);
                var stolen = CpuTicks.StolenShare(before, CpuTicks.Read());
                latencies.Sort();
                double At(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(latencies.Count * q) - 1)];
                levels.Add(new Level(clients, perSecond, At(0.5), At(0.95), At(0.99), errors, health, stolen));
            }

            (followUps, followUpCpu) = await FollowUpCostAsync(server, baseAddress, codes[0]);
        }
        finally
        {
            // SIGKILL, the moment the last receipt was shown: no shutdown, nothing finished afterwards.
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        await using var connection = database.Connection();
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"Reports\"";
        var committed = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var notOpening = 0;
        await using var find = connection.CreateCommand();
        find.CommandText = "SELECT \"ReceiptSalt\", \"ReceiptHash\" FROM \"Reports\" WHERE \"ReceiptLocator\" = @locator";
        var locator = find.CreateParameter();
        locator.ParameterName = "@locator";
        locator.DbType = System.Data.DbType.String;
        find.Parameters.Add(locator);
        foreach (var code in codes)
        {
            // The check the follow-up page makes, against what the database kept.
            var normalised = FailingWell.Web.Features.Reporting.ReceiptCodes.Normalise(code)!;
            locator.Value = FailingWell.Web.Features.Reporting.ReceiptCodes.LocatorOf(normalised);
            await using var reader = await find.ExecuteReaderAsync();
            if (!await reader.ReadAsync() || !FailingWell.Web.Features.Reporting.ReceiptCodes.Matches(normalised, (byte[])reader[0], (byte[])reader[1]))
            {
                notOpening++;
            }
        }

        return new Result(levels, codes.Count, committed, notOpening, followUps, followUpCpu, VerifyMicroseconds());
    }

    private static async Task<double> HealthAsync(Uri baseAddress, int clients, TimeSpan duration)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        var stop = Stopwatch.StartNew();
        var total = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (stop.Elapsed < duration)
            {
                using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref total);
                }
            }
        }));
        return total / stop.Elapsed.TotalSeconds;
    }

    /// <summary>The site's own CPU time (from the kernel) for a run of follow-ups with a valid code, one at a time.</summary>
    private static async Task<(int Count, double CpuMilliseconds)> FollowUpCostAsync(Process server, Uri baseAddress, string code)
    {
        using var client = BehindTls.Client(baseAddress);
        async Task OnceAsync()
        {
            var page = await client.GetStringAsync(new Uri("/report/follow-up", UriKind.Relative));
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value),
                ["Entry.Code"] = code,
            });
            using var response = await client.PostAsync(new Uri("/report/follow-up", UriKind.Relative), content);
            var html = await response.Content.ReadAsStringAsync();
            if (!html.Contains("FW-", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("A valid receipt code did not open its report.");
            }
        }

        for (var i = 0; i < 20; i++)
        {
            await OnceAsync(); // warm
        }

        const int count = 500;
        server.Refresh();
        var before = server.TotalProcessorTime;
        for (var i = 0; i < count; i++)
        {
            await OnceAsync();
        }

        server.Refresh();
        return (count, (server.TotalProcessorTime - before).TotalMilliseconds / count);
    }

    /// <summary>What checking one code's secret costs, on its own.</summary>
    private static double VerifyMicroseconds()
    {
        var issued = FailingWell.Web.Features.Reporting.ReceiptCodes.Issue();
        var normalised = FailingWell.Web.Features.Reporting.ReceiptCodes.Normalise(issued.Code)!;
        const int count = 100_000;
        var timer = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            FailingWell.Web.Features.Reporting.ReceiptCodes.Matches(normalised, issued.Salt, issued.Hash);
        }

        return timer.Elapsed.TotalMicroseconds / count;
    }

    private static async Task<(double PerSecond, List<double> Latencies, int Errors, int Ok)> SubmitAsync(Uri baseAddress, int clients, TimeSpan duration, List<string> codes)
    {
        var latencies = new List<double>();
        var errors = 0;
        var ok = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            using var client = BehindTls.Client(baseAddress);
            while (stop.Elapsed < duration)
            {
                var timer = Stopwatch.StartNew();
                try
                {
                    var form = await client.GetStringAsync(new Uri("/report", UriKind.Relative));
                    using var content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value),
                        ["Input.SubmissionId"] = Guid.NewGuid().ToString(),
                        ["Input.Kind"] = "NearMiss",
                        ["Input.WhatHappened"] = "A benchmark report: the bed rails were left down.",
                        ["Input.When"] = "Today",
                        ["Input.TimeOfDay"] = "Night",
                        ["Input.Where"] = Where().Match(form).Groups[1].Value,
                        ["Input.PersonAffected"] = "Nobody",
                        ["Input.CategoryId"] = Category().Match(form).Groups[1].Value,
                    });
                    using var response = await client.PostAsync(new Uri("/report", UriKind.Relative), content);
                    var html = await response.Content.ReadAsStringAsync();
                    var elapsed = timer.Elapsed.TotalMilliseconds;
                    lock (latencies)
                    {
                        latencies.Add(elapsed);
                        if (response.IsSuccessStatusCode && Receipt().Match(html) is { Success: true } receipt)
                        {
                            ok++;
                            codes.Add(WebUtility.HtmlDecode(receipt.Groups[1].Value));
                        }
                        else
                        {
                            errors++;
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return (ok / stop.Elapsed.TotalSeconds, latencies, errors, ok);
    }

    /// <summary>
    /// The machine's CPU time by kind, from the first line of /proc/stat. On a virtual machine the host
    /// may run others on "our" cores (steal): the same run here has gone from 26,000 to 50,000
    /// `/health/live` a second with it, so each level says how much was taken.
    /// </summary>
    private static class CpuTicks
    {
        public static long[] Read()
        {
            try
            {
                return [.. File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(t => long.Parse(t, System.Globalization.CultureInfo.InvariantCulture))];
            }
            catch (IOException)
            {
                return [];
            }
        }

        public static double StolenShare(long[] before, long[] after)
        {
            if (before.Length < 8 || after.Length < 8)
            {
                return double.NaN;
            }

            var total = after.Sum() - before.Sum();
            return total <= 0 ? 0 : (double)(after[7] - before[7]) / total;
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("id=\"receipt-code\">([^<]+)<")]
    private static partial Regex Receipt();

    [GeneratedRegex("<option value=\"(l:\\d+)\"")]
    private static partial Regex Where();

    [GeneratedRegex("name=\"Input.CategoryId\"[^>]*>\\s*<option value=\"\"[^>]*>[^<]*</option>\\s*<option value=\"(\\d+)\"")]
    private static partial Regex Category();
}
