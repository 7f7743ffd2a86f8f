namespace FailingWell.Web.Infrastructure.Scheduling;

/// <summary>
/// How long a delivery that failed waits before it is tried again, for every outbox (emails, a member's
/// messages to its hub): 1, 2, 4, 8... times the first wait, at most an hour.
/// </summary>
public static class BackOff
{
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    public static TimeSpan After(int attempts, TimeSpan firstWait) =>
        TimeSpan.FromSeconds(Math.Min(Longest.TotalSeconds, firstWait.TotalSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
