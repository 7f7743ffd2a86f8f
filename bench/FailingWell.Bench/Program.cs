using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FailingWell.Bench;

// FailingWell benchmark. Usage:
//   dotnet run -c Release --project bench/FailingWell.Bench -- [--reports 1000000] [--divisions 60] [--years 5]
//   dotnet run -c Release --project bench/FailingWell.Bench -- --fuzz 10000   (hostile posts to the forms, counted by status)
// Migrates a fresh SQLite database with the application's `migrate` verb, fills it with synthetic
// reports (ScaleSeed, here: benchmark data never ships in the web app), recounts the culture roll-ups, then builds every digest
// (3 streams x organisation + each division) for the last complete month with the `digests build`
// verb, and prints the results as a markdown table with the machine's cores and memory.
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal) && x.i + 1 < args.Length)
    .ToDictionary(x => x.a[2..], x => args[x.i + 1]);
int Option(string name, int fallback) => options.TryGetValue(name, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : fallback;
var reports = Option("reports", 1_000_000);
var divisions = Option("divisions", 60);
var years = Option("years", 5);

var web = FindWebAssembly();
if (options.TryGetValue("fuzz", out var fuzzPosts))
{
    await FuzzBenchmark.RunAsync(web, int.Parse(fuzzPosts, CultureInfo.InvariantCulture));
    return;
}

if (options.TryGetValue("seed-only", out var seedOnly))
{
    // A scale database to try the pages on: migrated, seeded and recounted, then left in place.
    var target = Path.GetFullPath(seedOnly);
    var workFolder = Path.GetDirectoryName(target)!;
    Run(web, workFolder, target, "migrate");
    var made = await ScaleSeed.RunAsync(target, reports, divisions, years, DateOnly.FromDateTime(DateTime.UtcNow));
    Run(web, workFolder, target, "culture", "recount", "--from", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-years).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    Console.WriteLine($"Seeded {made.Reports:N0} reports into {target} in {made.Elapsed.TotalSeconds:0.0} s ({made.RowsPerSecond:N0} rows a second).");
    return;
}

var httpSeconds = Option("seconds", 10);
var submissions = await SubmissionBenchmark.RunAsync(web, httpSeconds);
if (args.Contains("--submissions-only"))
{
    PrintSubmissions(submissions, httpSeconds);
    return;
}

var folder = Directory.CreateTempSubdirectory("failingwell-bench-").FullName;
var database = Path.Combine(folder, "bench.db");
try
{
    Run(web, folder, database, "migrate");
    var seeded = await ScaleSeed.RunAsync(database, reports, divisions, years, DateOnly.FromDateTime(DateTime.UtcNow));
    var rate = $"{seeded.RowsPerSecond:N0}";
    var seconds = $"{seeded.Elapsed.TotalSeconds:0.0}";
    var indexing = $"{seeded.Indexing.TotalSeconds:0.0}";
    var seed = Run(web, folder, database, "culture", "recount", "--from", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-years).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    var month = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    var build = Run(web, folder, database, "digests", "build", "--stream", "all", "--period", month);
    var built = Regex.Match(build, @"Built (\d+) digests .* in ([\d.]+) s");
    var rollups = Regex.Match(seed, @"Recounted ([\d,]+) culture roll-ups in ([\d.]+) s").Groups[2].Value;
    Run(web, folder, database, "users", "add", "--email", "bench.executive@trust.nhs.uk", "--role", "Executive", "--password", "benchmark password");
    var culture = (await MeasurePagesAsync(web, folder, database, ["/culture"], "bench.executive@trust.nhs.uk", "benchmark password", enrol: false))[0];
    Run(web, folder, database, "users", "add", "--email", "bench.lead@trust.nhs.uk", "--role", "GovernanceLead", "--password", "benchmark password");
    var triage = await MeasurePagesAsync(web, folder, database, ["/triage", "/triage?Filter.Overdue=true", "/triage?Filter.Search=bed"], "bench.lead@trust.nhs.uk", "benchmark password", enrol: true);

    Console.WriteLine();
    Console.WriteLine($"FailingWell benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GiB, SQLite");
    Console.WriteLine();
    Console.WriteLine("| Measure | Result |");
    Console.WriteLine("| --- | --- |");
    Console.WriteLine($"| Seeding {reports:N0} reports ({divisions} divisions, {years} years) | {seconds} s ({indexing} s of it building indexes), {rate} rows a second |");
    Console.WriteLine($"| Building every digest for {month} ({built.Groups[1].Value} packs: 3 streams x organisation + divisions) over {reports:N0} reports | {built.Groups[2].Value} s |");
    Console.WriteLine($"| Recounting every culture roll-up (weeks and months, all divisions) over {reports:N0} reports | {rollups} s |");
    Console.WriteLine($"| `/culture` for the organisation, warm, over {reports:N0} reports (20 requests) | p50 {culture.P50:0} ms, p95 {culture.P95:0} ms |");
    Console.WriteLine($"| `/triage` open queue, warm, over {reports:N0} reports | p50 {triage[0].P50:0} ms, p95 {triage[0].P95:0} ms |");
    Console.WriteLine($"| `/triage` overdue only | p50 {triage[1].P50:0} ms, p95 {triage[1].P95:0} ms |");
    Console.WriteLine($"| `/triage` text search | p50 {triage[2].P50:0} ms, p95 {triage[2].P95:0} ms |");
    PrintSubmissions(submissions, httpSeconds);
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static void PrintSubmissions(SubmissionBenchmark.Result submissions, int httpSeconds)
{
    Console.WriteLine();
    Console.WriteLine($"Submissions over HTTP (GET the form, POST it with its antiforgery token), {httpSeconds} s at each level, beside `/health` on the same site ({Environment.ProcessorCount} cores):");
    Console.WriteLine();
    Console.WriteLine("| Clients | Submissions a second | p50 | p95 | p99 | Errors | `/health` a second | Ratio |");
    Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
    foreach (var r in submissions.Levels)
    {
        Console.WriteLine($"| {r.Clients} | {r.PerSecond:0.0} | {r.P50:0} ms | {r.P95:0} ms | {r.P99:0} ms | {r.Errors} | {r.HealthPerSecond:0} | {100 * r.PerSecond / r.HealthPerSecond:0.00}% |");
    }

    Console.WriteLine();
    Console.WriteLine($"Every receipt shown was for a committed report: {submissions.Shown} receipts shown, {submissions.Committed} reports in the database.");
    Console.WriteLine($"Codes that do not open after a kill: {submissions.NotOpening} of {submissions.Shown} (the site was stopped with SIGKILL, no shutdown, at the end of the run).");
    Console.WriteLine($"A follow-up with a valid code: {submissions.FollowUpCpuMilliseconds:0.00} ms of the site's CPU (GET the page, POST the code, the report shown; {submissions.FollowUps} one after another); checking one code's secret alone: {submissions.VerifyMicroseconds:0.0} µs.");
}

static async Task<List<(double P50, double P95)>> MeasurePagesAsync(string web, string folder, string database, string[] paths, string email, string password, bool enrol)
{
    var port = FreePort();
    var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    start.ArgumentList.Add(web);
    start.Environment["ConnectionStrings__FailingWell"] = $"Data Source={database}";
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    BehindTls.AddKeyRingCertificate(start);
    start.Environment["Database__MigrateOnStart"] = "true"; // a fresh benchmark database each run
    start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    start.Environment["Culture__FirstRollupSeconds"] = "86400";
    using var server = Process.Start(start)!;
    server.OutputDataReceived += (_, _) => { };
    server.ErrorDataReceived += (_, _) => { };
    server.BeginOutputReadLine();
    server.BeginErrorReadLine();
    try
    {
        using var client = BehindTls.Client(new Uri($"http://127.0.0.1:{port}"), allowAutoRedirect: false);
        for (var wait = 0; wait < 60; wait++)
        {
            try
            {
                if ((await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative))).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
        });
        var signedIn = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);
        if (signedIn.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("The benchmark could not sign in.");
        }

        if (enrol)
        {
            // A lead sets up an authenticator on first sign-in: play the app.
            var setup = await client.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative));
            var key = Regex.Match(setup, "id=\"authenticator-key\">([^<]+)<").Groups[1].Value;
            using var enrolForm = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Code"] = Totp(key), ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(Regex.Match(setup, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value),
            });
            if ((await client.PostAsync(new Uri("/account/two-factor", UriKind.Relative), enrolForm)).StatusCode != System.Net.HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException("The benchmark could not set up two-factor authentication.");
            }
        }

        var results = new List<(double, double)>();
        foreach (var path in paths)
        {
            var times = new List<double>();
            for (var i = 0; i < 23; i++)
            {
                var timer = Stopwatch.StartNew();
                var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                await response.Content.ReadAsStringAsync();
                response.EnsureSuccessStatusCode();
                if (i >= 3)
                {
                    times.Add(timer.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            results.Add((times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1]));
        }

        return results;
    }
    finally
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
    }
}

static string Totp(string key)
{
    var clean = key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
    var bytes = new List<byte>();
    int buffer = 0, bits = 0;
    foreach (var c in clean)
    {
        buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c, StringComparison.Ordinal);
        bits += 5;
        if (bits >= 8)
        {
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
    }

    Span<byte> counter = stackalloc byte[8];
    System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238, as every authenticator app computes it.
    var hash = System.Security.Cryptography.HMACSHA1.HashData([.. bytes], counter);
#pragma warning restore CA5350
    var offset = hash[^1] & 0x0f;
    var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
    return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static string Run(string web, string folder, string database, params string[] arguments)
{
    var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    start.ArgumentList.Add(web);
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment["ConnectionStrings__FailingWell"] = $"Data Source={database}";
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    BehindTls.AddKeyRingCertificate(start);
    start.Environment["Database__MigrateOnStart"] = "true"; // a fresh benchmark database each run
    start.Environment["Logging__LogLevel__Default"] = "Warning";
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{string.Join(' ', arguments)} failed: {error}");
    }

    Console.Error.WriteLine(output.Trim());
    return output;
}

static string FindWebAssembly()
{
    var root = AppContext.BaseDirectory;
    while (root is not null && !File.Exists(Path.Combine(root, "FailingWell.sln")))
    {
        root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar));
    }

    // The web project is built with the benchmark, in the same configuration.
    var own = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
    foreach (var configuration in new[] { own })
    {
        var candidate = Path.Combine(root ?? ".", "src", "FailingWell.Web", "bin", configuration, "net10.0", "FailingWell.Web.dll");
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new FileNotFoundException("Build the solution first: FailingWell.Web.dll was not found.");
}
