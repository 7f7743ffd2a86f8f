namespace FailingWell.Tests.Domain;

/// <summary>When an email about an anonymous act may carry a time: the end of the band the act is dated by.</summary>
public sealed class UkTimeTests
{
    [Theory]
    // Winter, UK time is UTC: 06:16:44 is in the night band, which ends at 07:00.
    [InlineData("2026-11-03T06:16:44Z", "2026-11-03T07:00:00Z")]
    [InlineData("2026-11-03T07:00:00Z", "2026-11-03T12:00:00Z")]
    [InlineData("2026-11-03T10:07:23Z", "2026-11-03T12:00:00Z")]
    [InlineData("2026-11-03T16:59:59Z", "2026-11-03T17:00:00Z")]
    [InlineData("2026-11-03T21:00:00Z", "2026-11-03T22:00:00Z")]
    // A night that starts before midnight ends at 07:00 the next day.
    [InlineData("2026-11-03T23:40:00Z", "2026-11-04T07:00:00Z")]
    // Summer: 22:30 BST is 21:30 UTC, and the night ends at 07:00 BST, 06:00 UTC.
    [InlineData("2026-06-10T21:30:00Z", "2026-06-11T06:00:00Z")]
    // The clocks go forward at 01:00 UTC on 29 March 2026: the night still ends at 07:00 BST.
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29T06:00:00Z")]
    public void The_band_of_an_act_ends_when_the_band_it_is_dated_by_ends(string at, string end)
    {
        var time = new UkTime(new MovableClock(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, time.EndOfBandUtc);
        Assert.Equal(DateTimeKind.Utc, time.EndOfBandUtc.Kind);
    }
}
