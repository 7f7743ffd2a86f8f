using System.Text.RegularExpressions;

namespace FailingWell.Web.Domain.Network;

/// <summary>
/// What in a note's text looks as if it could identify someone: a person's name, a date, a ward, bay,
/// bed or room, or a detail true of very few people. A warning, not a refusal: the lead decides, and
/// ticks that the note identifies nobody before it can be submitted.
/// </summary>
public static partial class SharingWarnings
{
    public const string Name = "This looks like a person's name";
    public const string Date = "This looks like a date: say the month at most";
    public const string Place = "This looks like a ward, bay, bed, room or place";
    public const string SmallGroup = "This describes very few people (an age, \"the only\", \"one of two\")";

    /// <summary>Each kind of warning once, with the words that raised it.</summary>
    public static IReadOnlyList<string> For(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var warnings = new List<string>();
        Add(warnings, Name, Titled().Match(text), NamePair().Matches(text).FirstOrDefault(m => !IsCommonPhrase(m.Value)));
        Add(warnings, Date, NumericDate().Match(text), DayAndMonth().Match(text), Weekday().Match(text));
        Add(warnings, Place, PlaceNumber().Match(text), NamedWard().Match(text));
        Add(warnings, SmallGroup, OnlyOne().Match(text), Age().Match(text));
        return warnings;
    }

    private static void Add(List<string> warnings, string warning, params Match?[] matches)
    {
        var found = matches.FirstOrDefault(m => m is { Success: true });
        if (found is not null)
        {
            warnings.Add($"{warning}: \"{found.Value.Trim()}\"");
        }
    }

    // Two capitalised words mid-sentence are usually a name; a few phrases staff write are not.
    private static readonly HashSet<string> CommonPhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "Emergency Department", "Intensive Care", "National Health", "Health Service", "Care Quality", "Quality Commission",
        "Freedom To", "Speak Up", "Patient Safety", "Learning Response", "After Action", "Action Review",
    };

    private static bool IsCommonPhrase(string value) => CommonPhrases.Contains(value.Trim());

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sister|Nurse)\.?\s+[A-Z][a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Titled();

    // Not at the start of a sentence, where any word is capitalised.
    [GeneratedRegex(@"(?<![.!?:]\s|^|\n)(?<=\S\s)[A-Z][a-z]{2,}\s[A-Z][a-z]{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex NamePair();

    [GeneratedRegex(@"\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\s+\d{1,2}(?:st|nd|rd|th)?\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayAndMonth();

    [GeneratedRegex(@"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|last night)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?:ward|bay|bed|room|theatre|cubicle|side room|unit|floor|level)\s*[A-Z]?\d+[A-Z]?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PlaceNumber();

    [GeneratedRegex(@"\b[A-Z][a-z]+\s+(?:Ward|Unit|Wing|House|Hospital|Centre|Clinic)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NamedWard();

    [GeneratedRegex(@"\b(?:the only|one of (?:two|three|2|3)|the one|sole|the single)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OnlyOne();

    [GeneratedRegex(@"\b(?:aged\s+\d{1,3}|\d{1,3}[- ]year[- ]old|\d{1,3}\s*(?:yo|y/o)\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Age();
}
