using System.Globalization;
using Quartz;

namespace FailingWell.Web.Infrastructure.Scheduling;

/// <summary>A trigger's schedule and times in words an admin reads, in UK time (cron is read in UK time: <see cref="Schedules"/>).</summary>
public static class ScheduleText
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Dictionary<string, string> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MON"] = "Monday", ["TUE"] = "Tuesday", ["WED"] = "Wednesday", ["THU"] = "Thursday",
        ["FRI"] = "Friday", ["SAT"] = "Saturday", ["SUN"] = "Sunday",
    };

    public static string Describe(ITrigger trigger) => trigger switch
    {
        null => throw new ArgumentNullException(nameof(trigger)),
        ICronTrigger cron => DescribeCron(cron.CronExpressionString ?? "", cron.TimeZone),
        ISimpleTrigger simple => "Every " + DescribeInterval(simple.RepeatInterval),
        _ => "Not on a schedule",
    };

    /// <summary>The usual shapes in words ("Every day at 07:00, UK time"); anything else as its cron expression.</summary>
    public static string DescribeCron(string expression, TimeZoneInfo? zone)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var zoneName = zone is null || zone.Id == London.Id || zone.Id == "GMT Standard Time" ? "UK time" : zone.Id;
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 6 or 7 && parts[0] == "0" && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var minute)
            && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var hour) && parts[4] == "*" && (parts.Length == 6 || parts[6] == "*"))
        {
            var at = $"{hour:00}:{minute:00}";
            if (parts[3] is "*" or "?" && parts[5] is "*" or "?")
            {
                return $"Every day at {at}, {zoneName}";
            }

            if (parts[3] == "?" && Days.TryGetValue(parts[5], out var day))
            {
                return $"Every {day} at {at}, {zoneName}";
            }

            if (parts[5] == "?" && int.TryParse(parts[3], CultureInfo.InvariantCulture, out var dayOfMonth) && dayOfMonth is >= 1 and <= 31)
            {
                return $"On the {Ordinal(dayOfMonth)} of every month at {at}, {zoneName}";
            }
        }

        return $"Cron \"{expression}\", {zoneName}";
    }

    public static string DescribeInterval(TimeSpan interval) => interval switch
    {
        { TotalSeconds: < 60 } => Plural((int)interval.TotalSeconds, "second"),
        { TotalMinutes: < 60 } when interval.Seconds == 0 => Plural((int)interval.TotalMinutes, "minute"),
        { TotalHours: < 24 } when interval.Minutes == 0 && interval.Seconds == 0 => Plural((int)interval.TotalHours, "hour"),
        _ when interval.TotalSeconds % 86400 == 0 => Plural((int)interval.TotalDays, "day"),
        _ => Plural((int)interval.TotalSeconds, "second"),
    };

    /// <summary>An instant as UK clock time, for example "Mon 7 Dec 2026, 07:00:05".</summary>
    public static string InUkTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London).ToString("ddd d MMM yyyy, HH:mm:ss", UkCulture);

    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 1 } => $"{Math.Max(0, (int)duration.TotalMilliseconds)} ms",
        { TotalMinutes: < 1 } => $"{duration.TotalSeconds.ToString("0.0", UkCulture)} s",
        _ => $"{(int)duration.TotalMinutes} min {duration.Seconds} s",
    };

    private static string Plural(int count, string unit) => count == 1 ? unit : $"{count} {unit}s";

    private static string Ordinal(int day) => day + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
