namespace FailingWell.Web.Domain;

/// <summary>
/// NHS England works in UK time. Turns "now" into the day and the coarse time band that is all a
/// report keeps of when it arrived.
/// </summary>
public sealed class UkTime(TimeProvider clock)
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public DateTime Now => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>Midnight at the start of today in the UK, as a UTC time.</summary>
    public DateTime StartOfTodayUtc => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(Now.Date, DateTimeKind.Unspecified), London);

    /// <summary>
    /// The end of the time band "now" falls in (07:00, 12:00, 17:00 or 22:00 UK time), in UTC: an email
    /// about an anonymous act is made and sent then, so its time says no more than the band the act
    /// is dated by (DESIGN.md, "Nothing dates an anonymous act finer than its time band").
    /// </summary>
    public DateTime EndOfBandUtc
    {
        get
        {
            var now = Now;
            var end = BandOf(now.Hour) switch
            {
                TimeBand.Morning => now.Date.AddHours(12),
                TimeBand.Afternoon => now.Date.AddHours(17),
                TimeBand.Evening => now.Date.AddHours(22),
                _ => now.Hour >= 22 ? now.Date.AddDays(1).AddHours(7) : now.Date.AddHours(7),
            };

            // The clocks change at 01:00 and 02:00, so a band's end is never a missing or doubled UK time.
            return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(end, DateTimeKind.Unspecified), London);
        }
    }

    public (DateOnly Day, TimeBand Band) DayAndBand()
    {
        var now = Now;
        return (DateOnly.FromDateTime(now), BandOf(now.Hour));
    }

    public static TimeBand BandOf(int hour) => hour switch
    {
        >= 7 and < 12 => TimeBand.Morning,
        >= 12 and < 17 => TimeBand.Afternoon,
        >= 17 and < 22 => TimeBand.Evening,
        _ => TimeBand.Night,
    };
}

public static class DomainText
{
    public static string Describe(this TimeBand band) => band switch
    {
        TimeBand.Night => "night (10pm to 7am)",
        TimeBand.Morning => "morning (7am to midday)",
        TimeBand.Afternoon => "afternoon (midday to 5pm)",
        TimeBand.Evening => "evening (5pm to 10pm)",
        _ => band.ToString(),
    };

    public static string Describe(this ReportKind kind) => kind switch
    {
        ReportKind.Incident => "Something happened",
        ReportKind.NearMiss => "Something nearly happened",
        ReportKind.Concern => "A worry or a risk",
        ReportKind.GoodPractice => "Something that went well",
        _ => kind.ToString(),
    };

    public static string Describe(this GovernanceStream stream) => stream switch
    {
        GovernanceStream.PatientSafety => "Patient safety",
        GovernanceStream.PatientExperience => "Patient experience",
        GovernanceStream.RiskAndCompliance => "Risk and compliance",
        _ => stream.ToString(),
    };

    public static string Describe(this PersonAffected person) => person switch
    {
        PersonAffected.Patient => "A patient",
        PersonAffected.Staff => "A member of staff",
        PersonAffected.VisitorOrPublic => "A visitor or member of the public",
        PersonAffected.Nobody => "Nobody",
        _ => person.ToString(),
    };

    public static string ForDisplay(this DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>"1 Dec 2026": for a dense table, where the full month would wrap the line.</summary>
    public static string ForShortDisplay(this DateOnly day) => day.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
