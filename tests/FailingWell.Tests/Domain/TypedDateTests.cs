using System.Globalization;

namespace FailingWell.Tests.Domain;

/// <summary>One reading of a date typed in three boxes, for the report form, actions and safety actions alike.</summary>
public sealed class TypedDateTests
{
    [Theory]
    [InlineData("27", "3", "2026", "2026-03-27")]
    [InlineData(" 7 ", "03", " 2026", "2026-03-07")]
    [InlineData("29", "2", "2024", "2024-02-29")]
    [InlineData("1", "1", "1900", "1900-01-01")]
    [InlineData("29", "2", "2026", null)]
    [InlineData("31", "4", "2026", null)]
    [InlineData("0", "1", "2026", null)]
    [InlineData("1", "13", "2026", null)]
    [InlineData("31", "12", "1899", null)]
    [InlineData("1", "1", "10000", null)]
    [InlineData("-1", "1", "2026", null)]
    [InlineData("+1", "1", "2026", null)]
    [InlineData("1.0", "1", "2026", null)]
    [InlineData("one", "1", "2026", null)]
    [InlineData("", "1", "2026", null)]
    [InlineData(null, "1", "2026", null)]
    [InlineData("１", "1", "2026", null)]
    public void A_typed_date_is_a_real_day_of_a_year_from_1900_or_nothing(string? day, string? month, string? year, string? expected)
    {
        Assert.Equal(expected, TypedDate.DayOf(day, month, year)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
