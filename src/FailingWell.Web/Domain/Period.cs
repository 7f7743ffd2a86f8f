using System.Globalization;

namespace FailingWell.Web.Domain;

/// <summary>An ISO week (2026-W46, Monday to Sunday) or a calendar month (2026-11), in UK dates.</summary>
public sealed record Period(PeriodKind Kind, string Key, DateOnly Start, DateOnly End)
{
    public static bool TryParse(string? text, out Period period)
    {
        period = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().ToUpperInvariant();
        if (t.Length == 8 && t[4] == '-' && t[5] == 'W'
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var isoYear)
            && int.TryParse(t.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && isoYear is >= 2000 and <= 9999 && week >= 1 && week <= ISOWeek.GetWeeksInYear(isoYear))
        {
            period = Week(DateOnly.FromDateTime(ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday)));
            return true;
        }

        if (t.Length == 7 && t[4] == '-'
            && int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(t.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && year is >= 2000 and <= 9999 && month is >= 1 and <= 12)
        {
            period = Month(new DateOnly(year, month, 1));
            return true;
        }

        return false;
    }

    public static Period Week(DateOnly anyDay)
    {
        var monday = anyDay.AddDays(-(((int)anyDay.DayOfWeek + 6) % 7));
        var date = monday.ToDateTime(TimeOnly.MinValue);
        return new Period(PeriodKind.Week, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}", monday, monday.AddDays(7));
    }

    public static Period Month(DateOnly anyDay)
    {
        var first = new DateOnly(anyDay.Year, anyDay.Month, 1);
        return new Period(PeriodKind.Month, $"{first.Year}-{first.Month:00}", first, first.AddMonths(1));
    }

    public static Period Of(PeriodKind kind, DateOnly anyDay) => kind == PeriodKind.Week ? Week(anyDay) : Month(anyDay);

    public Period Previous => Of(Kind, Start.AddDays(-1));

    /// <summary>The last complete period before the given day.</summary>
    public static Period LastCompleteBefore(PeriodKind kind, DateOnly today) => Of(kind, today).Previous;

    public string Describe() => Kind == PeriodKind.Week
        ? $"week {Key[^2..].TrimStart('0')} ({Start.ForDisplay()} to {End.AddDays(-1).ForDisplay()})"
        : Start.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
