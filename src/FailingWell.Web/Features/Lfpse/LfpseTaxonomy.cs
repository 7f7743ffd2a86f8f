using System.Text.Json;

namespace FailingWell.Web.Features.Lfpse;

/// <summary>One code of an LFPSE value set, as LFPSE words it.</summary>
public sealed record LfpseCode(string Code, string Display);

/// <summary>A sub-extension of an LFPSE extension: its relative name, cardinality, type and value set.</summary>
public sealed record LfpseField(string Name, int Min, int Max, string Type, string? ValueSet);

/// <summary>An LFPSE extension profile, on the AdverseEvent or on one of its contained resources.</summary>
public sealed record LfpseExtension(string Name, string On, IReadOnlyList<LfpseField> Fields)
{
    public LfpseField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>
/// LFPSE's taxonomy as shipped with the app: the extension profiles the mapping writes and every code
/// list they bind, read from one data file (Features/Lfpse/lfpse-taxonomy-6.json, made by
/// tools/lfpse-snapshot.py). The admin pages choose from it, the mapper writes its URLs, and the
/// tests' fake LFPSE checks what it receives against it. No code list is written in C#.
/// </summary>
public sealed class LfpseTaxonomy
{
    private const string ResourceName = "FailingWell.Web.Features.Lfpse.lfpse-taxonomy-6.json";

    private static readonly Lazy<LfpseTaxonomy> ShippedSnapshot = new(() =>
    {
        using var stream = typeof(LfpseTaxonomy).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The LFPSE taxonomy snapshot {ResourceName} is not embedded.");
        return Read(stream);
    });

    private readonly Dictionary<string, Dictionary<string, string>> codesBySet;

    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> fromFailingWell;

    private LfpseTaxonomy(
        int version, string canonicalBase, string profile, IReadOnlyList<LfpseCode> eventTypes,
        IReadOnlyList<LfpseExtension> extensions, IReadOnlyDictionary<string, IReadOnlyList<LfpseCode>> valueSets,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> fromFailingWell)
    {
        this.fromFailingWell = fromFailingWell;
        Version = version;
        CanonicalBase = canonicalBase;
        Profile = profile;
        EventTypes = eventTypes;
        Extensions = extensions;
        ValueSets = valueSets;
        codesBySet = valueSets.ToDictionary(v => v.Key, v => v.Value.ToDictionary(c => c.Code, c => c.Display, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The snapshot embedded in the app.</summary>
    public static LfpseTaxonomy Shipped => ShippedSnapshot.Value;

    public int Version { get; }

    public string CanonicalBase { get; }

    public string Profile { get; }

    public IReadOnlyList<LfpseCode> EventTypes { get; }

    public IReadOnlyList<LfpseExtension> Extensions { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<LfpseCode>> ValueSets { get; }

    /// <summary>The AdverseEvent profile's URL, sent as meta.profile.</summary>
    public string ProfileUrl => CanonicalBase + Profile;

    /// <summary>An extension profile's full URL, for example ".../adverse-event-core-6".</summary>
    public string ExtensionUrl(string name) => $"{CanonicalBase}{name}-{Version}";

    /// <summary>The extension whose full URL this is, or null.</summary>
    public LfpseExtension? ExtensionAt(string? url) =>
        Extensions.FirstOrDefault(e => ExtensionUrl(e.Name) == url);

    public LfpseExtension Extension(string name) =>
        Extensions.FirstOrDefault(e => e.Name == name) ?? throw new ArgumentException($"LFPSE has no extension {name} in this snapshot.", nameof(name));

    public IReadOnlyList<LfpseCode> Codes(string valueSet) =>
        ValueSets.TryGetValue(valueSet, out var codes) ? codes : throw new ArgumentException($"LFPSE has no value set {valueSet} in this snapshot.", nameof(valueSet));

    public bool Contains(string valueSet, string? code) =>
        code is not null && codesBySet.TryGetValue(valueSet, out var codes) && codes.ContainsKey(code);

    public string? Display(string valueSet, string? code) =>
        code is not null && codesBySet.TryGetValue(valueSet, out var codes) && codes.TryGetValue(code, out var display) ? display : null;

    /// <summary>LFPSE's code for one of FailingWell's own answers, for example a physical harm of Low: "4".</summary>
    public string FromFailingWell<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var list = typeof(TEnum).Name switch
        {
            "ReportKind" => "eventType",
            var name => char.ToLowerInvariant(name[0]) + name[1..],
        };
        return fromFailingWell.TryGetValue(list, out var codes) && codes.TryGetValue(value.ToString(), out var code)
            ? code
            : throw new InvalidOperationException($"The LFPSE snapshot does not say how {typeof(TEnum).Name}.{value} reads in LFPSE's codes.");
    }

    public bool IsEventType(string? code) => EventTypes.Any(e => e.Code == code);

    public static LfpseTaxonomy Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        static LfpseCode Pair(JsonElement pair) => new(pair[0].GetString()!, pair[1].GetString()!);
        var eventTypes = root.GetProperty("eventTypes").EnumerateArray()
            .Select(e => new LfpseCode(e.GetProperty("code").GetString()!, e.GetProperty("display").GetString()!)).ToList();
        var extensions = root.GetProperty("extensions").EnumerateArray().Select(e => new LfpseExtension(
            e.GetProperty("name").GetString()!,
            e.GetProperty("on").GetString()!,
            e.GetProperty("subExtensions").EnumerateArray().Select(s => new LfpseField(
                s.GetProperty("name").GetString()!,
                s.GetProperty("min").GetInt32(),
                s.GetProperty("max").GetInt32(),
                s.GetProperty("type").GetString()!,
                s.GetProperty("valueSet").ValueKind == JsonValueKind.String ? s.GetProperty("valueSet").GetString() : null)).ToList())).ToList();
        var valueSets = root.GetProperty("valueSets").EnumerateObject()
            .ToDictionary(p => p.Name, p => (IReadOnlyList<LfpseCode>)p.Value.EnumerateArray().Select(Pair).ToList(), StringComparer.Ordinal);
        return new LfpseTaxonomy(
            root.GetProperty("version").GetInt32(),
            root.GetProperty("canonicalBase").GetString()!,
            root.GetProperty("profile").GetString()!,
            eventTypes,
            extensions,
            valueSets,
            root.GetProperty("fromFailingWell").EnumerateObject().ToDictionary(
                p => p.Name,
                p => (IReadOnlyDictionary<string, string>)p.Value.EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()!, StringComparer.Ordinal),
                StringComparer.Ordinal));
    }
}
