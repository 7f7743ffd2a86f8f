using System.Globalization;

namespace FailingWell.Web.Features.Culture;

/// <summary>A month as people type it on the form and in the CSV files: 2026-10.</summary>
public static class MonthText
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;
}
