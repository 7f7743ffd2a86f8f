using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using FailingWell.Bench;
using FailingWell.Tests.Support;
using FailingWell.Web.Infrastructure.Data;

// FailingWell benchmark. Usage:
//   dotnet run -c Release --project bench/FailingWell.Bench -- [--provider Sqlite|PostgreSql|all] [--reports 1000000[,5000000]] [--divisions 60] [--years 5]
//   dotnet run -c Release --project bench/FailingWell.Bench -- --fuzz 10000   (hostile posts to the forms, counted by status)
//   dotnet run -c Release --project bench/FailingWell.Bench -- --limiter 12000 [--seconds 20] [--addresses ipv6-64]   (wrong receipt codes a second, the client limiter holding 12,000 clients; with ipv6-64, each from a new address in one /64 under the configured limits)
//   dotnet run -c Release --project bench/FailingWell.Bench -- [--provider PostgreSql] --pages "CONNECTION STRING"   (the staff pages of a database seeded with --seed-only)
//   dotnet run -c Release --project bench/FailingWell.Bench -- --ward-phone [--site PUBLISHED_FOLDER] [--reports 1000000]   (the reporter's pages on a throttled Chromium; the site published from this tree unless given)
//   dotnet run -c Release --project bench/FailingWell.Bench -- --export 1000000 [--provider all]   (seeds, then times the `export --out` verb and reads its peak memory)
//   dotnet run -c Release --project bench/FailingWell.Bench -- --import 1000000 [--provider all]   (a Datix-like CSV and its saved mapping, then times the `import --file --mapping` verb and reads its peak memory)
//   dotnet run -c Release --project bench/FailingWell.Bench -- --lfpse 20000 [--concurrency 16] [--batch 500] [--delay-ms 200]   (a backlog of confirmed reports delivered to the fake LFPSE by the real delivery)
// For each provider (SQLite by default; PostgreSQL on a private server the benchmark starts and stops),
// migrates a fresh database with the application's `migrate` verb, fills it with synthetic reports
// (ScaleSeed for SQLite, PostgresSeed's binary COPY for PostgreSQL: the same reports; benchmark data
// never ships in the web app), recounts the culture roll-ups, then builds every digest (3 streams x
// organisation + each division) for the last complete month with the `digests build` verb, and
// prints the results as one markdown table, a column per provider and size, with the machine's cores and memory.
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal) && x.i + 1 < args.Length)
    .ToDictionary(x => x.a[2..], x => args[x.i + 1]);
int Option(string name, int fallback) => options.TryGetValue(name, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : fallback;
var sizes = options.TryGetValue("reports", out var sizeText)
    ? sizeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => int.Parse(x, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToArray()
    : [1_000_000];
var divisions = Option("divisions", 60);
var years = Option("years", 5);
var providerText = options.GetValueOrDefault("provider", "Sqlite");
DatabaseProvider[] providers = providerText.Equals("all", StringComparison.OrdinalIgnoreCase)
    ? [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql]
    : [Enum.Parse<DatabaseProvider>(providerText, ignoreCase: true)];
if (providers.Any(p => p == DatabaseProvider.SqlServer))
{
    throw new NotSupportedException("The benchmark runs on SQLite and PostgreSQL (--provider Sqlite|PostgreSql|all).");
}

if (args.Contains("--ward-phone"))
{
    // --site: a site published before (another commit, to compare); --reports: seeded first, for the node's memory at that size.
    var seeded = options.ContainsKey("reports") ? sizes[0] : 0;
    Func<string, Task>? seedPhone = seeded > 0 ? async file => await ScaleSeed.RunAsync(file, seeded, divisions, years, DateOnly.FromDateTime(DateTime.UtcNow)) : null;
    WardPhoneBenchmark.Print(await WardPhoneBenchmark.RunAsync(RepositoryRoot(), options.GetValueOrDefault("site"), seeded, seedPhone));
    return;
}

var web = FindWebAssembly();
if (options.TryGetValue("fuzz", out var fuzzPosts))
{
    await FuzzBenchmark.RunAsync(web, int.Parse(fuzzPosts, CultureInfo.InvariantCulture));
    return;
}

if (options.TryGetValue("lfpse", out var lfpseReports))
{
    var backlog = int.Parse(lfpseReports, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    LfpseBenchmark.Print(await LfpseBenchmark.RunAsync(web, target => Verb(web, target, "migrate"), backlog,
        Option("concurrency", 16), Option("batch", 500), TimeSpan.FromMilliseconds(Option("delay-ms", 200))));
    return;
}

if (options.TryGetValue("export", out var exportReports))
{
    ExportBenchmark.Print(await ExportBenchmark.RunAsync(providers, int.Parse(exportReports, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), divisions, years,
        (target, arguments) => Verb(web, target, arguments)));
    return;
}

if (options.TryGetValue("import", out var importRows))
{
    ImportBenchmark.Print(await ImportBenchmark.RunAsync(web, providers, int.Parse(importRows, NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
        (target, arguments) => Verb(web, target, arguments)));
    return;
}

if (options.TryGetValue("limiter", out var limiterClients))
{
    await LimiterBenchmark.RunAsync(web, int.Parse(limiterClients, CultureInfo.InvariantCulture), Option("seconds", 20), options.GetValueOrDefault("addresses") == "ipv6-64");
    return;
}

if (options.TryGetValue("seed-only", out var seedOnly) && providers is [DatabaseProvider.PostgreSql])
{
    // A scale database on a private PostgreSQL, kept until this process is stopped (SIGTERM or Ctrl+C stops the server too).
    var server = PrivatePostgres.Start(forTests: false);
    var database = BenchTarget.Postgres(server);
    Verb(web, database, "migrate");
    var made = await PostgresSeed.RunAsync(database.ConnectionString, sizes[0], divisions, years, DateOnly.FromDateTime(DateTime.UtcNow), keepUnique: args.Contains("--keep-unique"));
    await PostgresSeed.VacuumAsync(database.ConnectionString);
    Verb(web, database, "culture", "recount", "--from", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-years).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    Console.WriteLine($"Seeded {made.Reports:N0} reports in {made.Elapsed.TotalSeconds:0.0} s ({made.RowsPerSecond:N0} rows a second). Database__Provider=PostgreSql ConnectionStrings__FailingWell=\"{database.ConnectionString}\"");
    Console.WriteLine("The server runs until this process is stopped (SIGTERM or Ctrl+C).");
    var stopped = new TaskCompletionSource();
    using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopped.TrySetResult(); }))
    using (PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stopped.TrySetResult(); }))
    {
        await stopped.Task;
    }

    server.Dispose();
    return;
}

if (seedOnly is not null)
{
    // A scale database to try the pages on: migrated, seeded and recounted, then left in place.
    var target = Path.GetFullPath(seedOnly);
    var workFolder = Path.GetDirectoryName(target)!;
    Run(web, workFolder, target, "migrate");
    var made = await ScaleSeed.RunAsync(target, sizes[0], divisions, years, DateOnly.FromDateTime(DateTime.UtcNow));
    Run(web, workFolder, target, "culture", "recount", "--from", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-years).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    Console.WriteLine($"Seeded {made.Reports:N0} reports into {target} in {made.Elapsed.TotalSeconds:0.0} s ({made.RowsPerSecond:N0} rows a second).");
    return;
}

if (args.Contains("--seed-check"))
{
    // Seeding alone, for each provider and size: the numbers and where the time went (on stderr).
    using var server = providers.Contains(DatabaseProvider.PostgreSql) ? PrivatePostgres.Start(forTests: false) : null;
    foreach (var provider in providers)
    {
        foreach (var reports in sizes)
        {
            using var database = provider == DatabaseProvider.PostgreSql ? BenchTarget.Postgres(server!) : BenchTarget.Sqlite("seed.db");
            Verb(web, database, "migrate");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var seeded = provider == DatabaseProvider.PostgreSql
                ? await PostgresSeed.RunAsync(database.ConnectionString, reports, divisions, years, today, args.Contains("--keep-unique"))
                : await ScaleSeed.RunAsync(database.File!, reports, divisions, years, today);
            Console.WriteLine($"{database.Name}, {reports:N0} reports: {seeded.RowsPerSecond:N0} rows a second ({seeded.Elapsed.TotalSeconds:0.0} s, {seeded.Indexing.TotalSeconds:0.0} s of it after the load)");
        }
    }

    return;
}

if (options.TryGetValue("pages", out var existing))
{
    // The four staff pages against a database seeded before (--seed-only), to try a change without seeding again.
    using var database = BenchTarget.Existing(providers[0], existing);
    var pages = await MeasureStaffPagesAsync(web, database, "." + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture));
    string[] names = ["/culture", "/triage", "/triage overdue", "/triage search \"bed\""];
    for (var i = 0; i < names.Length; i++)
    {
        Console.WriteLine($"{database.Name} {names[i]}: p50 {pages[i].P50:0} ms, p95 {pages[i].P95:0} ms");
    }

    return;
}

var httpSeconds = Option("seconds", 10);
var submissionsOnly = args.Contains("--submissions-only");
PrivatePostgres? postgres = null;
var plans = options.GetValueOrDefault("plans");
BenchTarget NewTarget(DatabaseProvider provider, string fileName) => provider == DatabaseProvider.PostgreSql
    ? BenchTarget.Postgres(postgres ??= StartPostgres(plans))
    : BenchTarget.Sqlite(fileName);
var submissions = new List<(DatabaseProvider Provider, SubmissionBenchmark.Result Result)>();
var scale = new List<(DatabaseProvider Provider, int Reports, Measures Measures)>();
try
{
    foreach (var provider in providers)
    {
        using (var database = NewTarget(provider, "http.db"))
        {
            submissions.Add((provider, await SubmissionBenchmark.RunAsync(web, httpSeconds, database)));
        }

        if (submissionsOnly)
        {
            continue;
        }

        foreach (var reports in sizes)
        {
            using var database = NewTarget(provider, "bench.db");
            scale.Add((provider, reports, await MeasureScaleAsync(web, database, reports, divisions, years, args.Contains("--keep-unique"))));
        }
    }
}
finally
{
    if (postgres is not null && plans is not null)
    {
        await SavePlansAsync(postgres, plans);
    }

    postgres?.Dispose();
}

var month = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
var memory = $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GiB";
if (scale.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine($"FailingWell benchmark, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {memory}, {string.Join(" and ", providers.Select(BenchTarget.NameOf))}, {divisions} divisions, {years} years");
    Console.WriteLine();
    Console.WriteLine("| Measure | " + string.Join(" | ", scale.Select(s => $"{BenchTarget.NameOf(s.Provider)}, {s.Reports:N0} reports")) + " |");
    Console.WriteLine("| --- |" + string.Concat(scale.Select(_ => " --- |")));
    void Line(string measure, Func<Measures, string> cell) => Console.WriteLine($"| {measure} | {string.Join(" | ", scale.Select(s => cell(s.Measures)))} |");
    Line("Seeding, rows a second", m => $"{m.Seed.RowsPerSecond:N0} ({m.Seed.Elapsed.TotalSeconds:0.0} s)");
    Line("… of which building indexes, keys and statistics after the load", m => $"{m.Seed.Indexing.TotalSeconds:0.0} s");
    Line("VACUUM after the seed (PostgreSQL; what autovacuum would do next), not in the seeding time", m => m.Vacuum is { } v ? $"{v.TotalSeconds:0.0} s" : "-");
    Line($"Building every digest for {month} (3 streams x organisation + divisions)", m => $"{m.Digests} packs, {m.DigestSeconds} s");
    Line("Recounting every culture roll-up (weeks and months, all divisions)", m => $"{m.RollupSeconds} s");
    Line("`/culture` for the organisation, warm (20 requests)", m => $"p50 {m.Culture.P50:0} ms, p95 {m.Culture.P95:0} ms");
    Line("`/triage` open queue, warm (a lead signed in with two-factor)", m => $"p50 {m.Queue.P50:0} ms, p95 {m.Queue.P95:0} ms");
    Line("`/triage` overdue only", m => $"p50 {m.Overdue.P50:0} ms, p95 {m.Overdue.P95:0} ms");
    Line("`/triage` word search (\"bed\": one report in eight)", m => $"p50 {m.Search.P50:0} ms, p95 {m.Search.P95:0} ms");
}

PrintSubmissions(submissions, httpSeconds);
return;

// --plans FILE: PostgreSQL logs the plan (EXPLAIN ANALYZE, through auto_explain) of every statement
// over 10 ms, and the log is copied to FILE at the end. The timing it adds slows every query: not for
// the numbers, only for reading the plans.
static PrivatePostgres StartPostgres(string? plans)
{
    var server = PrivatePostgres.Start(forTests: false);
    try
    {
        if (plans is not null)
        {
            SetUpPlans(server);
        }
    }
    catch
    {
        // A server left running would keep whatever this process inherited (the build lock among them).
        server.Dispose();
        throw;
    }

    return server;
}

static void SetUpPlans(PrivatePostgres server)
{
    {
        using var connection = new Npgsql.NpgsqlConnection(server.AdminConnectionString);
        connection.Open();
        foreach (var setting in new[]
        {
            "LOAD 'auto_explain'", "ALTER SYSTEM SET session_preload_libraries = 'auto_explain'", "ALTER SYSTEM SET auto_explain.log_min_duration = '10ms'",
            "ALTER SYSTEM SET auto_explain.log_analyze = on", "ALTER SYSTEM SET auto_explain.log_buffers = on", "SELECT pg_reload_conf()",
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = setting;
            command.ExecuteNonQuery();
        }
    }
}

static async Task SavePlansAsync(PrivatePostgres server, string file)
{
    await using var connection = new Npgsql.NpgsqlConnection(server.AdminConnectionString);
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SHOW data_directory";
    var data = (string)(await command.ExecuteScalarAsync())!;
    File.Copy(Path.Combine(Path.GetDirectoryName(data)!, "server.log"), file, overwrite: true);
}

static async Task<Measures> MeasureScaleAsync(string web, BenchTarget database, int reports, int divisions, int years, bool keepUnique)
{
    Verb(web, database, "migrate");
    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    var seeded = database.Provider == DatabaseProvider.PostgreSql
        ? await PostgresSeed.RunAsync(database.ConnectionString, reports, divisions, years, today, keepUnique)
        : await ScaleSeed.RunAsync(database.File!, reports, divisions, years, today);
    TimeSpan? vacuum = database.Provider == DatabaseProvider.PostgreSql ? await PostgresSeed.VacuumAsync(database.ConnectionString) : null;
    var recount = Verb(web, database, "culture", "recount", "--from", today.AddYears(-years).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    var month = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    var build = Verb(web, database, "digests", "build", "--stream", "all", "--period", month);
    var built = Regex.Match(build, @"Built (\d+) digests .* in ([\d.]+) s");
    var rollups = Regex.Match(recount, @"Recounted ([\d,]+) culture roll-ups in ([\d.]+) s").Groups[2].Value;
    var pages = await MeasureStaffPagesAsync(web, database, "");
    return new Measures(seeded, vacuum, built.Groups[1].Value, built.Groups[2].Value, rollups, pages[0], pages[1], pages[2], pages[3]);
}

// /culture for an executive, then the queue, overdue and word search for a lead; both new accounts (named with
// the suffix, so a database measured before can be measured again) set up two factors, as staff must (0053).
static async Task<List<(double P50, double P95)>> MeasureStaffPagesAsync(string web, BenchTarget database, string suffix)
{
    var executive = $"bench.executive{suffix}@trust.nhs.uk";
    var lead = $"bench.lead{suffix}@trust.nhs.uk";
    Verb(web, database, "users", "add", "--email", executive, "--role", "Executive", "--password", "benchmark password");
    var culture = await MeasurePagesAsync(web, database, ["/culture"], executive, "benchmark password", enrol: true);
    Verb(web, database, "users", "add", "--email", lead, "--role", "GovernanceLead", "--password", "benchmark password");
    var triage = await MeasurePagesAsync(web, database, ["/triage", "/triage?Filter.Overdue=true", "/triage?Filter.Search=bed"], lead, "benchmark password", enrol: true);
    return [.. culture, .. triage];
}

static void PrintSubmissions(List<(DatabaseProvider Provider, SubmissionBenchmark.Result Result)> submissions, int httpSeconds)
{
    Console.WriteLine();
    Console.WriteLine($"Submissions over HTTP (GET the form, POST it with its antiforgery token), {httpSeconds} s at each level after a warm-up of {SubmissionBenchmark.WarmUp.TotalSeconds:0} s at 32 clients, beside `/health/live` (no database work) on the same site, measured first while idle ({Environment.ProcessorCount} cores):");
    Console.WriteLine();
    Console.WriteLine("| Provider | Clients | Submissions a second | p50 | p95 | p99 | Errors | `/health/live` a second | Ratio | CPU taken by the host |");
    Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    foreach (var (provider, result) in submissions)
    {
        foreach (var r in result.Levels)
        {
            Console.WriteLine($"| {BenchTarget.NameOf(provider)} | {r.Clients} | {r.PerSecond:0.0} | {r.P50:0} ms | {r.P95:0} ms | {r.P99:0} ms | {r.Errors} | {r.HealthPerSecond:N0} | {100 * r.PerSecond / r.HealthPerSecond:0.00}% | {(double.IsNaN(r.Stolen) ? "-" : $"{100 * r.Stolen:0.0}%")} |");
        }
    }

    foreach (var (provider, submission) in submissions)
    {
        Console.WriteLine();
        Console.WriteLine($"{BenchTarget.NameOf(provider)}: every receipt shown was for a committed report: {submission.Shown} receipts shown, {submission.Committed} reports in the database.");
        Console.WriteLine($"{BenchTarget.NameOf(provider)}: codes that do not open after a kill: {submission.NotOpening} of {submission.Shown} (the site was stopped with SIGKILL, no shutdown, at the end of the run).");
        Console.WriteLine($"{BenchTarget.NameOf(provider)}: a follow-up with a valid code: {submission.FollowUpCpuMilliseconds:0.00} ms of the site's CPU (GET the page, POST the code, the report shown; {submission.FollowUps} one after another); checking one code's secret alone: {submission.VerifyMicroseconds:0.0} µs.");
    }
}

static async Task<List<(double P50, double P95)>> MeasurePagesAsync(string web, BenchTarget database, string[] paths, string email, string password, bool enrol)
{
    var port = FreePort();
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    start.ArgumentList.Add(web);
    database.Apply(start);
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
    var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder };
    start.Environment["ConnectionStrings__FailingWell"] = $"Data Source={database}";
    return RunProcess(web, start, arguments);
}

static string Verb(string web, BenchTarget database, params string[] arguments)
{
    var start = new ProcessStartInfo("dotnet");
    database.Apply(start);
    return RunProcess(web, start, arguments);
}

static string RunProcess(string web, ProcessStartInfo start, string[] arguments)
{
    start.RedirectStandardOutput = true;
    start.RedirectStandardError = true;
    start.UseShellExecute = false;
    start.ArgumentList.Add(web);
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

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

static string RepositoryRoot()
{
    var root = AppContext.BaseDirectory;
    while (root is not null && !File.Exists(Path.Combine(root, "FailingWell.sln")))
    {
        root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar));
    }

    return root ?? throw new DirectoryNotFoundException("The benchmark runs from inside the repository.");
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

/// <summary>One provider's and one size's results.</summary>
internal sealed record Measures(
    ScaleSeed.Result Seed, TimeSpan? Vacuum, string Digests, string DigestSeconds, string RollupSeconds,
    (double P50, double P95) Culture, (double P50, double P95) Queue, (double P50, double P95) Overdue, (double P50, double P95) Search);
