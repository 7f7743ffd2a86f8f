namespace FailingWell.Web.Features.Network;

/// <summary>
/// This organisation's own figures for the last 13 complete months, as they may leave it: reports, occupied
/// bed days (the culture denominators), no or low harm, near misses and anonymous reports, every count of 1
/// to 4 null, and a part whose rest (the total less the part) is 1 to 4 null too, since the total would give
/// the rest away. Counted in the database by day (the ReceivedOn index), summed into months here.
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
        var days = await db.Reports.AsNoTracking().Where(r => r.ReceivedOn >= from && r.ReceivedOn < to)
            .GroupBy(r => r.ReceivedOn)
            .Select(g => new
            {
                Day = g.Key,
                Reports = g.Count(),
                NoOrLowHarm = g.Count(r => r.PhysicalHarm <= PhysicalHarm.Low),
                NearMisses = g.Count(r => r.Kind == ReportKind.NearMiss),
                Anonymous = g.Count(r => r.IsAnonymous),
            })
            .ToListAsync(cancellationToken);
        var bedDays = await db.Denominators.AsNoTracking().Where(d => d.Month >= from && d.Month < to && d.BedDays != null)
            .GroupBy(d => d.Month)
            .Select(g => new { Month = g.Key, BedDays = g.Sum(d => d.BedDays!.Value) })
            .ToDictionaryAsync(d => d.Month, d => d.BedDays, cancellationToken);
        return [.. periods.Select(p =>
        {
            var inMonth = days.Where(d => d.Day >= p.Start && d.Day < p.End).ToList();
            return new Counts(p.Start, inMonth.Sum(d => d.Reports), bedDays.TryGetValue(p.Start, out var beds) ? beds : null,
                inMonth.Sum(d => d.NoOrLowHarm), inMonth.Sum(d => d.NearMisses), inMonth.Sum(d => d.Anonymous));
        })];
    }
}
