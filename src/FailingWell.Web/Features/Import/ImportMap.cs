using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FailingWell.Web.Features.Import;

/// <summary>FailingWell's fields an export's columns can feed.</summary>
public enum ImportField
{
    SourceReference,
    OccurredOn,
    ReportedOn,
    Description,
    ActionTaken,
    Harm,
    Kind,
    Location,
    Category,
    Status,
    ClosedOn,
    ReporterName,
    ReporterEmail,
}

/// <summary>
/// How one system's export is read (saved as <see cref="ImportMapping.Definition"/>): which heading feeds
/// each field, how its dates are written, and what its words mean in FailingWell's lists.
/// </summary>
public sealed class ImportMap
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The field each of their headings feeds; a field with no heading is not imported.</summary>
    public Dictionary<ImportField, string> Columns { get; set; } = [];

    /// <summary>One of <see cref="DateFormats"/>' keys.</summary>
    public string DateFormat { get; set; } = UkDates;

    /// <summary>For the fields that are lists: their word (trimmed, any case; "" for a blank cell) to FailingWell's value.</summary>
    public Dictionary<ImportField, Dictionary<string, string>> Values { get; set; } = [];

    public const string UkDates = "dd/MM/yyyy";

    public static readonly IReadOnlyDictionary<string, string> DateFormats = new Dictionary<string, string>
    {
        [UkDates] = "Day first, like 31/01/2024 (UK)",
        ["yyyy-MM-dd"] = "Year first, like 2024-01-31",
        ["MM/dd/yyyy"] = "Month first, like 01/31/2024 (US)",
    };

    /// <summary>The fields whose values are mapped to a list.</summary>
    public static readonly IReadOnlyList<ImportField> ListFields = [ImportField.Harm, ImportField.Kind, ImportField.Location, ImportField.Category, ImportField.Status];

    /// <summary>The fields an import cannot do without.</summary>
    public static readonly IReadOnlyList<ImportField> Required = [ImportField.SourceReference, ImportField.OccurredOn, ImportField.Description, ImportField.Category];

    /// <summary>The fields that name or contact a reporter: mapped only deliberately, with a warning.</summary>
    public static readonly IReadOnlyList<ImportField> Identifying = [ImportField.ReporterName, ImportField.ReporterEmail];

    public static string Describe(ImportField field) => field switch
    {
        ImportField.SourceReference => "Their reference (the incident's id in their system)",
        ImportField.OccurredOn => "When it happened",
        ImportField.ReportedOn => "When it was reported",
        ImportField.Description => "What happened",
        ImportField.ActionTaken => "Action taken at the time",
        ImportField.Harm => "Harm (physical, LFPSE levels)",
        ImportField.Kind => "Kind of report (incident, near miss...)",
        ImportField.Location => "Location",
        ImportField.Category => "Category",
        ImportField.Status => "Status",
        ImportField.ClosedOn => "When it was closed",
        ImportField.ReporterName => "Reporter's name",
        ImportField.ReporterEmail => "Reporter's email",
        _ => field.ToString(),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportMap FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new ImportMap();
        }

        try
        {
            return JsonSerializer.Deserialize<ImportMap>(json, Json) ?? new ImportMap();
        }
        catch (JsonException)
        {
            return new ImportMap();
        }
    }

    /// <summary>A word as it is looked up: trimmed, any case.</summary>
    public static string Key(string? value) => (value ?? "").Trim().ToUpperInvariant();

    public string? ValueFor(ImportField field, string? word) =>
        Values.TryGetValue(field, out var map) && map.TryGetValue(Key(word), out var value) && value.Length > 0 ? value : null;

    /// <summary>Guesses a heading for each field from the words real exports use, for a system with no saved mapping.</summary>
    public static ImportMap Guess(IReadOnlyList<string> headings)
    {
        var map = new ImportMap();
        foreach (var (field, words) in Hints)
        {
            var heading = headings.FirstOrDefault(h => words.Any(w => Key(h) == w))
                ?? headings.FirstOrDefault(h => words.Any(w => Key(h).Contains(w, StringComparison.Ordinal)));
            if (heading is not null && !map.Columns.ContainsValue(heading))
            {
                map.Columns[field] = heading;
            }
        }

        return map;
    }

    // Never guessed: the reporter's fields, which an admin must choose deliberately.
    private static readonly (ImportField Field, string[] Words)[] Hints =
    [
        (ImportField.SourceReference, ["ID", "REF", "REFERENCE", "INCIDENT ID", "INCIDENT REFERENCE"]),
        (ImportField.OccurredOn, ["INCIDENT DATE", "DATE OF INCIDENT", "OCCURRED", "EVENT DATE"]),
        (ImportField.ReportedOn, ["REPORTED DATE", "DATE REPORTED", "OPENED", "DATE OPENED"]),
        (ImportField.Description, ["DESCRIPTION", "DETAILS", "WHAT HAPPENED"]),
        (ImportField.ActionTaken, ["ACTION TAKEN", "IMMEDIATE ACTION", "ACTION"]),
        (ImportField.Harm, ["SEVERITY", "HARM", "RESULT"]),
        (ImportField.Kind, ["TYPE", "INCIDENT TYPE", "EVENT TYPE"]),
        (ImportField.Location, ["LOCATION (EXACT)", "LOCATION", "WARD"]),
        (ImportField.Category, ["CATEGORY", "SUBJECT"]),
        (ImportField.Status, ["STATUS", "APPROVAL STATUS"]),
        (ImportField.ClosedOn, ["CLOSED DATE", "DATE CLOSED", "CLOSED"]),
    ];

    /// <summary>A date (and, when given, its time band) written in the map's format, or in ISO as a spreadsheet's date cells are read.</summary>
    public (DateOnly Date, TimeBand? Band)? ParseDate(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            return null;
        }

        var format = DateFormats.ContainsKey(DateFormat) ? DateFormat : UkDates;
        string[] formats = [format, format + " HH:mm", format + " H:mm", format + " HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];
        if (!DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return null;
        }

        TimeBand? band = parsed.TimeOfDay == TimeSpan.Zero && !value.Contains(':', StringComparison.Ordinal) ? null
            : parsed.Hour switch { < 7 or >= 22 => TimeBand.Night, < 12 => TimeBand.Morning, < 17 => TimeBand.Afternoon, _ => TimeBand.Evening };
        return (DateOnly.FromDateTime(parsed), band);
    }

    public string DateExample => DateOnly.FromDayNumber(738_915).ToString(DateFormats.ContainsKey(DateFormat) ? DateFormat : UkDates, CultureInfo.InvariantCulture);
}
