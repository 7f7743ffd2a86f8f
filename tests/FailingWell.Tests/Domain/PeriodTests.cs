namespace FailingWell.Tests.Domain;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2026-W46", "2026-11-09", "2026-11-16")]
    [InlineData("2026-W01", "2025-12-29", "2026-01-05")]
    [InlineData("2026-11", "2026-11-01", "2026-12-01")]
    public void Periods_are_ISO_weeks_and_calendar_months(string key, string start, string end)
    {
        Assert.True(Period.TryParse(key, out var period));
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(key, period.Key);
    }
}
