using FailingWell.Web.Features.Admin;
using FailingWell.Web.Features.Culture;
using FailingWell.Web.Features.Digests;
using FailingWell.Web.Features.Import;
using FailingWell.Web.Features.Lfpse;

namespace FailingWell.Web.Host;

/// <summary>
/// Verbs that run instead of the web server, e.g.
/// <c>dotnet run --project src/FailingWell.Web -- users add --email a@b.nhs.uk --role Admin</c>.
/// </summary>
public static class CommandLineVerbs
{
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        switch (args)
        {
            case ["users", "add", ..]:
                return await AddUserAsync(services, Options(args[2..]), input, output, error);
            case ["migrate", ..]:
                // Program.cs has migrated the database before running any verb that asks to.
                await output.WriteLineAsync("The database is migrated and its roles and reference data are in place.");
                return 0;
            case ["culture", "recount", ..]:
                return await RecountRollupsAsync(services, Options(args[2..]), output, error);
            case ["digests", "build", ..]:
                return await BuildDigestsAsync(services, Options(args[2..]), output, error);
            case ["lfpse-taxonomy", ..]:
                return await RefreshLfpseTaxonomyAsync(services, Options(args[1..]), output, error);
            case ["export", ..]:
                return await ExportAsync(services, Options(args[1..]), output, error);
            case ["import", ..]:
                return await ImportAsync(services, Options(args[1..]), output, error);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    public const string Usage = """
        Usage:
          users add --email EMAIL --role GovernanceLead|Executive|Admin|Guardian [--name "DISPLAY NAME"] [--password PASSWORD]
            Creates a staff account. Without --password, the password is read from the terminal.
          users add --email EMAIL --role ROLE [--name "DISPLAY NAME"] --sso-only
            Creates a staff account with no password, opened only by the organisation's sign-in (README).
          migrate
            Creates or upgrades the database (Production does not do this at start-up).
          culture recount --from 2021-11-01
            Recounts the culture roll-ups from that day on (after a bulk load or a restore).
          digests build --stream safety|experience|risk|all --period 2026-W46|2026-11
            Builds the packs of a period (the organisation's and every division's) that do not exist yet.
          lfpse-taxonomy --from URL|FILE --to SNAPSHOT.json
            Reads LFPSE's taxonomy and replaces the snapshot file only if the app can use it (docs/lfpse.md).
          export --out EVERYTHING.zip
            Writes the export of everything that /admin/export gives (never speak-up cases), audited (README: Taking everything out).
          import --file EXPORT.csv|EXPORT.xlsx --mapping SYSTEM [--dry-run]
            Imports historical reports with the mapping saved for SYSTEM at /admin/import, all or nothing;
            --dry-run lists every problem by line and column and writes nothing.
        """;

    private static async Task<int> ExportAsync(IServiceProvider services, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (options.GetValueOrDefault("out") is not { Length: > 0 } path || path == "true")
        {
            await error.WriteLineAsync("--out must name the zip file to write, e.g. --out everything.zip.");
            return 1;
        }

        // Written beside the target and moved into place at the end, so a failed export leaves no half a zip.
        var full = Path.GetFullPath(path);
        var part = full + ".part";
        var timer = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            Features.Export.ExportEverything.Result result;
            await using (var file = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var (ok, sent) = await SendAsync(services, new Features.Export.ExportEverything.Query(_ => file) { FromCommandLine = true }, error, "");
                if (!ok)
                {
                    return 1;
                }

                result = sent!;
            }

            File.Move(part, full, overwrite: true);
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            await output.WriteLineAsync($"Wrote {full} in {timer.Elapsed.TotalSeconds:0.0} s: {Features.Export.ExportNames.Describe(result.Files)}. Peak memory {self.PeakWorkingSet64 / (1 << 20):N0} MB.");
            return 0;
        }
        finally
        {
            File.Delete(part);
        }
    }

    private static async Task<int> ImportAsync(IServiceProvider services, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var file = options.GetValueOrDefault("file");
        var mapping = options.GetValueOrDefault("mapping");
        if (file is null || mapping is null)
        {
            await error.WriteLineAsync("--file and --mapping are needed: import --file EXPORT.csv --mapping SYSTEM [--dry-run]");
            return 2;
        }

        var timer = System.Diagnostics.Stopwatch.StartNew();
        if (options.ContainsKey("dry-run"))
        {
            var (_, check) = await SendAsync(services, new CheckImport.Query(null, file, mapping), error, "");
            if (check is null)
            {
                await error.WriteLineAsync($"There is no file {file}, or no mapping saved for '{mapping}' (save one at /admin/import).");
                return 1;
            }

            foreach (var problem in check.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            await output.WriteLineAsync($"Dry run: {check.Rows:N0} rows, {check.New:N0} new, {check.AlreadyHere:N0} already here, {check.ProblemCount:N0} problems; nothing written ({timer.Elapsed.TotalSeconds:0.0} s).");
            return check.ProblemCount == 0 ? 0 : 1;
        }

        var (ok, result) = await SendAsync(services, new RunImport.Command { FilePath = file, MappingName = mapping, Progress = new Progress<string>(line => output.WriteLine(line)) }, error, "");
        if (!ok)
        {
            await error.WriteLineAsync("Nothing was imported.");
            return 1;
        }

        using var self = System.Diagnostics.Process.GetCurrentProcess();
        await output.WriteLineAsync($"Imported {result!.New:N0} new reports, {result.AlreadyHere:N0} already here, from {result.Rows:N0} rows in {timer.Elapsed.TotalSeconds:0.0} s. Peak memory {self.PeakWorkingSet64 / (1 << 20):N0} MB.");
        return 0;
    }

    private static async Task<int> RefreshLfpseTaxonomyAsync(IServiceProvider services, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var command = new RefreshLfpseTaxonomy.Command { From = options.GetValueOrDefault("from") ?? "", To = options.GetValueOrDefault("to") ?? "" };
        var (ok, result) = await SendAsync(services, command, error, "");
        if (!ok)
        {
            return 1;
        }

        await output.WriteLineAsync(result!.Replaced
            ? $"Wrote {result.To}: {result.ValueSets} value sets, {result.Codes:N0} codes. Rebuild the app to ship it (the snapshot is embedded)."
            : $"{result.To} already holds this taxonomy ({result.ValueSets} value sets, {result.Codes:N0} codes): nothing changed.");
        return 0;
    }

    private static async Task<int> BuildDigestsAsync(IServiceProvider services, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var stream = options.GetValueOrDefault("stream")?.ToLowerInvariant() switch
        {
            "safety" => nameof(GovernanceStream.PatientSafety),
            "experience" => nameof(GovernanceStream.PatientExperience),
            "risk" => nameof(GovernanceStream.RiskAndCompliance),
            "all" or null => "all",
            _ => "",
        };
        var command = new BuildDigests.Command { Stream = stream, Period = options.GetValueOrDefault("period") };
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var (ok, count) = await SendAsync(services, command, error,
            "--stream must be safety, experience, risk or all, and --period a week like 2026-W46 or a month like 2026-11.");
        if (!ok)
        {
            return 1;
        }

        await output.WriteLineAsync($"Built {count} digests for {command.Period} ({command.Stream}) in {timer.Elapsed.TotalSeconds:0.00} s; packs that already existed were left as they were.");
        return 0;
    }

    private static async Task<int> RecountRollupsAsync(IServiceProvider services, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        if (!DateOnly.TryParseExact(options.GetValueOrDefault("from"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var from))
        {
            await error.WriteLineAsync("--from must be a day like 2021-11-01.");
            return 1;
        }

        var timer = System.Diagnostics.Stopwatch.StartNew();
        var (_, count) = await SendAsync(services, new RecountRollups.Command(from), error, "");
        await output.WriteLineAsync($"Recounted {count:N0} culture roll-ups in {timer.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    /// <summary>Every verb goes through the mediator, so it is validated and audited like the page it mirrors.</summary>
    private static async Task<(bool Ok, TResponse? Response)> SendAsync<TResponse>(IServiceProvider services, IRequest<TResponse> request, TextWriter error, string usage)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            return (true, await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request));
        }
        catch (ValidationException validation)
        {
            if (usage.Length > 0)
            {
                await error.WriteLineAsync(usage);
            }

            foreach (var failure in validation.Errors)
            {
                await error.WriteLineAsync($"--{failure.PropertyName.ToLowerInvariant()}: {failure.ErrorMessage}");
            }

            return (false, default);
        }
    }

    private static async Task<int> AddUserAsync(IServiceProvider services, Dictionary<string, string> options, TextReader input, TextWriter output, TextWriter error)
    {
        var ssoOnly = options.ContainsKey("sso-only");
        var password = ssoOnly ? "" : options.GetValueOrDefault("password") ?? await PromptPasswordAsync(input, output);
        var command = new AddAccount.Command
        {
            Email = options.GetValueOrDefault("email") ?? "",
            Role = options.GetValueOrDefault("role") ?? "",
            DisplayName = options.GetValueOrDefault("name"),
            Password = password,
            SsoOnly = ssoOnly,
        };

        var (ok, result) = await SendAsync(services, command, error, "");
        if (!ok)
        {
            return 1;
        }

        await output.WriteLineAsync(ssoOnly
            ? $"Created {result!.Role} account {result.Email}, with no password: it signs in with its organisation account."
            : $"Created {result!.Role} account {result.Email}.");
        return 0;
    }

    private static async Task<string> PromptPasswordAsync(TextReader input, TextWriter output)
    {
        await output.WriteAsync("Password (at least 12 characters): ");
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
        }

        // Typed at a terminal: read without echoing it.
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                await output.WriteLineAsync();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var name = args[i][2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                options[name[..equals]] = name[(equals + 1)..];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[name] = args[++i];
            }
            else
            {
                options[name] = "true";
            }
        }

        return options;
    }
}
