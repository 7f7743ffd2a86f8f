using System.Globalization;

namespace FailingWell.Web.Domain;

/// <summary>
/// A date typed as day, month and year in three boxes (the NHS.UK date pattern), read one way
/// everywhere: whole numbers (spaces around them forgiven), a real day of a year from 1900. Whether the
/// day may be past or future is each form's own rule.
/// </summary>
public static class TypedDate
{
    public const int FirstYear = 1900;

    /// <summary>The date typed, or null when it is not a real date.</summary>
    public static DateOnly? DayOf(string? day, string? month, string? year) =>
        Whole(day) is { } d && Whole(month) is { } m && Whole(year) is { } y
        && y is >= FirstYear and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;

    private static int? Whole(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var n) ? n : null;
}
