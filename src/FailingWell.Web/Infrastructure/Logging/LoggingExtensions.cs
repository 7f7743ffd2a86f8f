using Microsoft.Extensions.Logging.Console;

namespace FailingWell.Web.Infrastructure.Logging;

public static class LoggingExtensions
{
    /// <summary>
    /// Framework categories that, below Warning, write what could unmask a reporter: request URLs
    /// with their query strings, client addresses, user agents, form values passed to handlers, SQL
    /// parameters. They are held at Warning whatever configuration says.
    /// </summary>
    public static readonly IReadOnlyList<string> GuardedCategories =
    [
        "Microsoft.AspNetCore",
        "Microsoft.EntityFrameworkCore",
        "Microsoft.Extensions.Http",
        "System.Net.Http",
    ];

    /// <summary>Categories that are never written at all: their whole purpose is to log requests.</summary>
    public static readonly IReadOnlyList<string> SilencedCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        // Warns of every refused token, so it would date a failed anonymous submission to the second.
        "Microsoft.AspNetCore.Antiforgery",
        // Logs unhandled exceptions with their messages; the error page logs them without (ErrorModel).
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.W3CLogging",
        "Microsoft.AspNetCore.Server.Kestrel.BadRequests",
        "Microsoft.AspNetCore.Server.Kestrel.Connections",
        "Microsoft.EntityFrameworkCore.Database.Command",
    ];

    public static WebApplicationBuilder AddFailingWellLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
            console.ColorBehavior = LoggerColorBehavior.Disabled;
        });

        // PostConfigure runs after appsettings, environment variables and the command line have
        // been applied, so no configuration can open these categories up again.
        builder.Services.PostConfigure<LoggerFilterOptions>(GuardAnonymity);
        return builder;
    }

    public static void GuardAnonymity(LoggerFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var providers = options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList();

        Replace(options, GuardedCategories, LogLevel.Warning, providers);
        Replace(options, SilencedCategories, LogLevel.None, providers);
    }

    private static void Replace(LoggerFilterOptions options, IEnumerable<string> categories, LogLevel level, List<string?> providers)
    {
        foreach (var category in categories)
        {
            // A more specific rule would win over ours: remove any that lowers the level beneath it.
            var weaker = options.Rules
                .Where(r => r.CategoryName is not null
                    && r.CategoryName.StartsWith(category, StringComparison.Ordinal)
                    && (r.LogLevel is null || r.LogLevel < level))
                .ToList();
            foreach (var rule in weaker)
            {
                options.Rules.Remove(rule);
            }

            // Provider-specific rules beat general ones, so guard each provider by name too.
            foreach (var provider in providers)
            {
                options.Rules.Add(new LoggerFilterRule(provider, category, level, filter: null));
            }
        }
    }
}
