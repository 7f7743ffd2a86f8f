using FailingWell.Web.Features.Admin;
using FluentValidation;
using MediatR;

namespace FailingWell.Web.Infrastructure.CommandLine;

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
            case ["seed", ..]:
                return await SeedAsync(services, Options(args[1..]), output, error);
            case ["digests", "build", ..]:
                return await BuildDigestsAsync(services, Options(args[2..]), output, error);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    public const string Usage = """
        Usage:
          users add --email EMAIL --role GovernanceLead|Executive|Admin [--name "DISPLAY NAME"] [--password PASSWORD]
            Creates a staff account. Without --password, the password is read from the terminal.
          migrate
            Creates or upgrades the database (Production does not do this at start-up).
          seed --reports 5000000 --divisions 60 --years 5
            Adds synthetic reports (fixed random seed) for scale testing. SQLite only.
          digests build --stream safety|experience|risk|all --period 2026-W46|2026-11
            Builds the packs of a period (the organisation's and every division's) that do not exist yet.
        """;

    private static async Task<int> SeedAsync(IServiceProvider services, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        static int Number(Dictionary<string, string> o, string name, int fallback) =>
            int.TryParse(o.GetValueOrDefault(name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
        var reports = Number(options, "reports", 100_000);
        var divisions = Number(options, "divisions", 10);
        var years = Number(options, "years", 3);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.FailingWellDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<Domain.UkTime>().Today;
        try
        {
            var result = await Data.ScaleSeed.RunAsync(db, reports, divisions, years, today);
            await output.WriteLineAsync($"Seeded {result.Reports:N0} reports over {years} years in {result.Divisions} divisions in {result.Elapsed.TotalSeconds:0.0} s ({result.RowsPerSecond:N0} rows a second; {result.Indexing.TotalSeconds:0.0} s of it building indexes).");
            var timer = System.Diagnostics.Stopwatch.StartNew();
            var rollups = await scope.ServiceProvider.GetRequiredService<Features.Culture.CultureRollups>().RecountAsync(today.AddYears(-years).AddDays(-1), CancellationToken.None);
            await output.WriteLineAsync($"Recounted {rollups:N0} culture roll-ups in {timer.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }
        catch (NotSupportedException unsupported)
        {
            await error.WriteLineAsync(unsupported.Message);
            return 1;
        }
    }

    private static async Task<int> BuildDigestsAsync(IServiceProvider services, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var streams = options.GetValueOrDefault("stream")?.ToLowerInvariant() switch
        {
            "safety" => [Domain.GovernanceStream.PatientSafety],
            "experience" => [Domain.GovernanceStream.PatientExperience],
            "risk" => [Domain.GovernanceStream.RiskAndCompliance],
            "all" or null => Enum.GetValues<Domain.GovernanceStream>(),
            _ => (Domain.GovernanceStream[]?)null,
        };
        if (streams is null || !Features.Digests.Period.TryParse(options.GetValueOrDefault("period"), out var period))
        {
            await error.WriteLineAsync("--stream must be safety, experience, risk or all, and --period a week like 2026-W46 or a month like 2026-11.");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<Features.Digests.DigestBuilder>();
        var runs = scope.ServiceProvider.GetRequiredService<Features.Digests.DigestRuns>();
        var built = new List<Domain.Digest>();
        var timer = System.Diagnostics.Stopwatch.StartNew();
        foreach (var stream in streams)
        {
            built.AddRange(await builder.BuildAsync(stream, period, CancellationToken.None));
        }

        var elapsed = timer.Elapsed;
        await runs.NotifyAsync(built, CancellationToken.None);
        await output.WriteLineAsync($"Built {built.Count} digests for {period.Key} ({string.Join(", ", streams)}) in {elapsed.TotalSeconds:0.00} s; packs that already existed were left as they were.");
        return 0;
    }

    private static async Task<int> AddUserAsync(IServiceProvider services, Dictionary<string, string> options, TextReader input, TextWriter output, TextWriter error)
    {
        var password = options.GetValueOrDefault("password") ?? await PromptPasswordAsync(input, output);
        var command = new AddAccount.Command
        {
            Email = options.GetValueOrDefault("email") ?? "",
            Role = options.GetValueOrDefault("role") ?? "",
            DisplayName = options.GetValueOrDefault("name"),
            Password = password,
        };

        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        try
        {
            var result = await mediator.Send(command);
            await output.WriteLineAsync($"Created {result.Role} account {result.Email}.");
            return 0;
        }
        catch (ValidationException validation)
        {
            foreach (var failure in validation.Errors)
            {
                await error.WriteLineAsync($"--{failure.PropertyName.ToLowerInvariant()}: {failure.ErrorMessage}");
            }

            return 1;
        }
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
