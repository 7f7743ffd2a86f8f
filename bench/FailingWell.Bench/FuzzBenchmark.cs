using System.Diagnostics;
using FailingWell.Tests.Support;
using Microsoft.Data.Sqlite;

/// <summary>
/// The form fuzzer of the test suite, at scale, against the real site as its own Production process:
/// random, malformed and hostile posts to the anonymous and sign-in forms, counted by status.
/// </summary>
internal static class FuzzBenchmark
{
    public static async Task RunAsync(string web, int posts)
    {
        var folder = Directory.CreateTempSubdirectory("failingwell-bench-fuzz-").FullName;
        var database = Path.Combine(folder, "fuzz.db");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(web);
        start.Environment["ConnectionStrings__FailingWell"] = $"Data Source={database}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__MigrateOnStart"] = "true";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Reporting__MaxReportsPerHour"] = "100000000"; // reach the forms' own checks, not the limits
        start.Environment["Reporting__MaxWrongCodesPerHour"] = "100000000";
        start.Environment["Reporting__MaxCodeAttemptsPerHour"] = "100000000";
        BehindTls.AddKeyRingCertificate(start);
        using var server = Process.Start(start)!;
        var unhandled = new List<string>();
        server.OutputDataReceived += (_, line) =>
        {
            // The error page's own log line: the exception's type and where it was thrown, never input.
            if (line.Data?.Contains("nhandled", StringComparison.Ordinal) == true || line.Data?.Contains("fail:", StringComparison.Ordinal) == true)
            {
                lock (unhandled)
                {
                    unhandled.Add(line.Data);
                }
            }
        };
        server.ErrorDataReceived += (_, line) => { if (line.Data is { } data) { lock (unhandled) { unhandled.Add("stderr: " + data); } } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        FormFuzzer.Outcome outcome;
        var timer = Stopwatch.StartNew();
        try
        {
            using (var probe = new HttpClient { BaseAddress = address })
            {
                for (var wait = 0; wait < 120; wait++)
                {
                    try
                    {
                        if ((await probe.GetAsync(new Uri("/health/live", UriKind.Relative))).IsSuccessStatusCode)
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

            outcome = await new FormFuzzer(() => BehindTls.Client(address, allowAutoRedirect: false), seed: 1937)
                .RunAsync(["/report", "/report/follow-up", "/account/sign-in"], posts, TimeSpan.FromMinutes(30));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        long stored;
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Reports";
            stored = (long)(await count.ExecuteScalarAsync())!;
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        Console.WriteLine();
        Console.WriteLine($"Fuzzing the anonymous and sign-in forms over HTTP: {outcome.Posts:N0} posts in {timer.Elapsed.TotalSeconds:0} s, {outcome.ServerErrors} server errors.");
        Console.WriteLine($"Answers by status: {string.Join(", ", outcome.ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value:N0}"))}.");
        if (outcome.ClosedOn.Count > 0)
        {
            Console.WriteLine($"Status 0 is a connection the site closed before the client finished sending, only for: {string.Join(", ", outcome.ClosedOn)}.");
        }

        Console.WriteLine($"Receipts shown: {outcome.ReceiptsShown:N0}; reports stored: {stored:N0} (a report exists only where its receipt was shown).");
        foreach (var line in unhandled.Distinct().Take(10))
        {
            Console.WriteLine($"  site: {line}");
        }

        foreach (var sample in outcome.ServerErrorSamples)
        {
            Console.WriteLine($"  server error: {sample}");
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
