using System.Globalization;

namespace FailingWell.Web.Features.Network;

/// <summary>A note's month, yyyy-MM: the most a note says of when.</summary>
public static class NoteMonths
{
    public static bool IsMonth(string? month) =>
        month is { Length: 7 } && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static string Of(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"March 2026".</summary>
    public static string Describe(string month) =>
        IsMonth(month) ? DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) : month;
}
