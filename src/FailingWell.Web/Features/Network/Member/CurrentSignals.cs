using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// This organisation's insularity signals now, from its own culture roll-ups (the last 24 complete months,
/// so the SPC limits have a baseline), its bed days and its learning exchanged in six months.
/// </summary>
public static class CurrentSignals
{
    public const int Months = 24;

    public sealed record Query : IRequest<IReadOnlyList<InsularitySignal>>;

    public sealed class Handler(FailingWellDbContext db, UkTime time, ILearningExchangeCounts learning) : IRequestHandler<Query, IReadOnlyList<InsularitySignal>>
    {
        public async Task<IReadOnlyList<InsularitySignal>> Handle(Query request, CancellationToken cancellationToken) =>
            [.. (await ComputeAsync(db, time, learning, cancellationToken)).Select(InsularitySignals.Describe)];
    }

    public static async Task<IReadOnlyList<string>> ComputeAsync(FailingWellDbContext db, UkTime time, ILearningExchangeCounts learning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(learning);
        var months = await MonthlyAggregates.CountAsync(db, time.Today, Months, cancellationToken);
        return SignalReading.Signals(ReportingSeries(months), AnonymousShareSeries(months),
            await learning.SinceAsync(time.Today.AddMonths(-InsularitySignals.LearningMonths), cancellationToken));
    }

    /// <summary>Reports per 1,000 bed days where every month has bed days; otherwise the count of reports.</summary>
    public static IReadOnlyList<double?> ReportingSeries(IReadOnlyList<MonthlyAggregates.Counts> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        return months.All(m => m.BedDays > 0)
            ? [.. months.Select(m => (double?)(1000.0 * m.Reports / m.BedDays!.Value))]
            : [.. months.Select(m => (double?)m.Reports)];
    }

    /// <summary>The anonymous share in percent; a month without reports has none.</summary>
    public static IReadOnlyList<double?> AnonymousShareSeries(IReadOnlyList<MonthlyAggregates.Counts> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        return [.. months.Select(m => m.Reports == 0 ? (double?)null : 100.0 * m.Anonymous / m.Reports)];
    }
}
