namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// This organisation's own figures for the last 13 complete months, as they may leave it: reports, occupied
/// bed days (the culture denominators), no or low harm, near misses and anonymous reports, every count of 1
/// to 4 null, and a part whose rest (the total less the part) is 1 to 4 null too, since the total would give
/// the rest away. Read from the culture roll-ups' month rows (decision 0077), so these are the numbers the
/// culture page shows and no view counts millions of reports.
/// </summary>
public static class MonthlyAggregates
{
    public const int Months = 13;

    public sealed record Query : IRequest<MonthlyAggregatesMessage>;

    /// <summary>One month's counts before suppression: they never leave this organisation.</summary>
    public sealed record Counts(DateOnly Month, int Reports, int? BedDays, int NoOrLowHarm, int NearMisses, int Anonymous);

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, MonthlyAggregatesMessage>
    {
        public async Task<MonthlyAggregatesMessage> Handle(Query request, CancellationToken cancellationToken)
        {
            var counts = await CountAsync(db, time.Today, Months, cancellationToken);
            return new MonthlyAggregatesMessage([.. counts.Select(Suppress)]);
        }
    }

    public static MonthlyAggregate Suppress(Counts month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var totalHidden = SmallNumbers.IsHidden(month.Reports);
        int? Part(int part) => totalHidden || SmallNumbers.IsHidden(part) || SmallNumbers.IsHidden(month.Reports - part) ? null : part;
        return new MonthlyAggregate(PeerMessageKinds.MonthKey(month.Month), totalHidden ? null : month.Reports, month.BedDays,
            Part(month.NoOrLowHarm), Part(month.NearMisses), Part(month.Anonymous));
    }

    /// <summary>The last <paramref name="months"/> complete months before <paramref name="today"/>, oldest first, every month present.</summary>
    public static async Task<IReadOnlyList<Counts>> CountAsync(FailingWellDbContext db, DateOnly today, int months, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = Period.LastCompleteBefore(PeriodKind.Month, today);
        var periods = new List<Period> { latest };
        while (periods.Count < months)
        {
            periods.Add(periods[^1].Previous);
        }

        periods.Reverse();
        var from = periods[0].Start;
        var to = latest.End;
        var counted = await db.CultureRollups.AsNoTracking()
            .Where(r => r.PeriodKind == PeriodKind.Month && r.PeriodStart >= from && r.PeriodStart < to)
            .GroupBy(r => r.PeriodStart)
            .Select(g => new
            {
                Month = g.Key,
                Reports = g.Sum(r => r.Reports),
                NoOrLowHarm = g.Sum(r => r.NoOrLowHarm),
                NearMisses = g.Sum(r => r.NearMisses),
                Anonymous = g.Sum(r => r.Anonymous),
            })
            .ToDictionaryAsync(m => m.Month, cancellationToken);
        var bedDays = await db.Denominators.AsNoTracking().Where(d => d.Month >= from && d.Month < to && d.BedDays != null)
            .GroupBy(d => d.Month)
            .Select(g => new { Month = g.Key, BedDays = g.Sum(d => d.BedDays!.Value) })
            .ToDictionaryAsync(d => d.Month, d => d.BedDays, cancellationToken);
        return [.. periods.Select(p =>
        {
            int? beds = bedDays.TryGetValue(p.Start, out var b) ? b : null;
            return counted.TryGetValue(p.Start, out var m)
                ? new Counts(p.Start, m.Reports, beds, m.NoOrLowHarm, m.NearMisses, m.Anonymous)
                : new Counts(p.Start, 0, beds, 0, 0, 0);
        })];
    }
}
