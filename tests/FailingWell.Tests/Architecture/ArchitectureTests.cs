using System.Text.RegularExpressions;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FailingWell.Tests.Architecture;

/// <summary>
/// The shape of the application, pinned: which part may use which (docs/decisions/0013). A new
/// arrow in the wrong direction fails here, naming the two types.
/// </summary>
public sealed partial class ArchitectureTests
{
    private const string Root = "FailingWell.Web";

    /// <summary>
    /// Which feature may use which. Everything else between features goes through Domain/ or is not
    /// allowed. Reporting reads Triage's settings (deadlines, escalation); Demo fills every feature
    /// with a story; Digests builds on Culture's nothing, Culture on Digests' nothing.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedFeatureUses = new Dictionary<string, string[]>
    {
        ["Account"] = [],
        ["Admin"] = ["Triage", "Digests", "Lfpse", "Account"], // Lfpse: the Development sandbox's page, under the admin folder's rule; Account: the directory groups' roles on the People page
        ["Culture"] = [],
        ["Demo"] = ["Admin", "Culture", "Digests", "Network", "Reporting", "Triage", "Lfpse"],
        ["Digests"] = [],
        ["Errors"] = [],
        ["Export"] = [], // reads the model only: Domain and Infrastructure
        ["Home"] = [],
        ["Import"] = ["Culture", "Triage"], // the roll-ups recounted and the timeline event; the deadlines in force
        ["Learning"] = ["Culture", "Triage"], // the SPC chart; the leads who may own safety actions
        ["Lfpse"] = ["Triage"], // a lead's change to a report: its version check and audit
        ["Network"] = ["Culture"], // the SPC rules for the insularity signals; Triage and Learning show its panel by name (a view component)
        ["Reporting"] = ["Triage"],
        ["Shared"] = [], // the layout and partial views
        ["SpeakUp"] = ["Admin", "Reporting", "Triage"], // a guardian approves a Guardian role request (Admin's grant); the receipt scheme and message view; the deadlines
        ["Triage"] = [],
    };

    private static readonly Lazy<Dictionary<Type, HashSet<Type>>> Graph =
        new(() => TypeDependencies.Of(typeof(FailingWellDbContext).Assembly));

    /// <summary>Feature.X, Infrastructure, Domain, Host, Program; null for generated views and the like.</summary>
    public static string? Area(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var ns = type.Namespace ?? "";
        if (type.Name == "Program" || type.Name.StartsWith("<Program>", StringComparison.Ordinal))
        {
            return "Program";
        }

        if (!ns.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = ns.Split('.');
        return parts.Length switch
        {
            > 3 when parts[2] == "Features" => "Features." + parts[3],
            > 2 => parts[2],
            _ => Root,
        };
    }

    private static List<string> Uses(Func<string, bool> source, Func<string, string, bool> forbidden) =>
        [.. from g in Graph.Value
            let a = Area(g.Key)
            where a is not null && source(a)
            from used in g.Value
            let b = Area(used)
            where b is not null && b != a && forbidden(a, b)
            select $"{g.Key.FullName} ({a}) uses {used.FullName} ({b})"];

    [Fact]
    public void The_dependency_reader_sees_uses_inside_method_bodies()
    {
        // Known arrows, made only inside method bodies, so the reader is proven to look there.
        var verbs = Graph.Value[typeof(Web.Host.CommandLineVerbs)];
        Assert.Contains(typeof(Web.Features.Admin.AddAccount), verbs);
        var queue = Graph.Value[typeof(Web.Features.Triage.Queue)];
        Assert.Contains(typeof(Web.Domain.ReportRules), queue);
    }

    [Fact]
    public void Infrastructure_and_the_domain_use_no_feature_and_not_the_host()
    {
        var wrong = Uses(a => a is "Infrastructure" or "Domain", (_, b) => b.StartsWith("Features.", StringComparison.Ordinal) || b == "Host");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Only_the_program_uses_the_host()
    {
        var wrong = Uses(a => a != "Program" && a != "Host", (_, b) => b == "Host");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Features_use_only_the_features_they_are_allowed_to()
    {
        var wrong = Uses(
            a => a.StartsWith("Features.", StringComparison.Ordinal),
            (a, b) => b.StartsWith("Features.", StringComparison.Ordinal)
                && !(AllowedFeatureUses.TryGetValue(a["Features.".Length..], out var allowed) && allowed.Contains(b["Features.".Length..])));
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Every_feature_folder_is_in_the_allowed_list()
    {
        var features = Graph.Value.Keys.Select(Area).OfType<string>()
            .Where(a => a.StartsWith("Features.", StringComparison.Ordinal)).Select(a => a["Features.".Length..]).Distinct();
        Assert.All(features, f => Assert.True(AllowedFeatureUses.ContainsKey(f), $"Features/{f} is not in AllowedFeatureUses: write down what it may use."));
    }

    [Fact]
    public void Page_models_send_requests_and_never_touch_the_database()
    {
        var pageModels = Graph.Value.Keys.Where(t => typeof(PageModel).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(pageModels);
        var wrong = pageModels.Where(t => Graph.Value[t].Contains(typeof(FailingWellDbContext))).Select(t => t.FullName).ToList();
        Assert.True(wrong.Count == 0, "Page models using the DbContext: " + string.Join(", ", wrong));
    }

    [Fact]
    public void No_infrastructure_file_names_a_feature()
    {
        // A namespace or a qualified name, not the Razor root folder's path ("/Features").
        var feature = new Regex(@"\bFeatures\.(" + string.Join('|', AllowedFeatureUses.Keys) + @")\b");
        var wrong = SourceFiles("Infrastructure").Where(f => feature.IsMatch(File.ReadAllText(f))).ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Features_and_the_domain_take_the_time_from_the_application_clock()
    {
        var wrong = SourceFiles("Features").Concat(SourceFiles("Domain"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => SystemClock().IsMatch(x.line))
            .Select(x => $"{x.f}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void A_file_holds_one_slice_named_after_it()
    {
        var slice = SliceClass();
        var wrong = SourceFiles("Features")
            .Where(f => !f.EndsWith(".cshtml.cs", StringComparison.Ordinal))
            .Select(f => (File: f, Slices: slice.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value).ToList()))
            .Where(x => x.Slices.Count > 1 || (x.Slices.Count == 1 && x.Slices[0] != Path.GetFileNameWithoutExtension(x.File)))
            .Select(x => $"{x.File}: {string.Join(", ", x.Slices)}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Page_models_hold_no_slices()
    {
        var wrong = SourceFiles("Features")
            .Where(f => f.EndsWith(".cshtml.cs", StringComparison.Ordinal) && HandlerClass().IsMatch(File.ReadAllText(f)))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static IEnumerable<string> SourceFiles(string folder)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FailingWell.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var path = Path.Combine(directory.FullName, "src", Root, folder);
        Assert.True(Directory.Exists(path), path);
        return Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\.(UtcNow|Now|Today)\b")]
    private static partial Regex SystemClock();

    /// <summary>A slice: a static class holding a MediatR handler.</summary>
    [GeneratedRegex(@"public static class (\w+)\s*\{(?:(?!\npublic ).)*?IRequestHandler<", RegexOptions.Singleline)]
    private static partial Regex SliceClass();

    [GeneratedRegex(@"IRequestHandler<")]
    private static partial Regex HandlerClass();
}
