using FailingWell.Web.Infrastructure.Scheduling;
using Quartz;

namespace FailingWell.Web.Features.Culture;

/// <summary>
/// Keeps <see cref="CultureRollup"/> up to date: recounts the weeks and months from a date onwards with
/// two grouped queries (by division and day), replacing those periods' rows in one transaction.
/// </summary>
public sealed class CultureRollups(FailingWellDbContext db, UkTime time)
{
    /// <summary>How far back a routine refresh recounts: late acknowledgements and feedback land within it.</summary>
    public const int RefreshMonths = 4;

    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var from = await db.CultureRollups.AnyAsync(cancellationToken)
            ? time.Today.AddMonths(-RefreshMonths)
            : await db.Reports.MinAsync(r => (DateOnly?)r.ReceivedOn, cancellationToken) ?? time.Today;
        return await RecountAsync(from, cancellationToken);
    }

    public async Task<int> RecountAsync(DateOnly from, CancellationToken cancellationToken)
    {
        var today = time.Today;
        var monthStart = Period.Month(from).Start;
        var rangeStart = Period.Week(monthStart).Start;
        var nonClinical = await db.StaffGroups.Where(s => s.IsNonClinical).Select(s => s.Id).ToListAsync(cancellationToken);
        var reports = db.Reports.AsNoTracking().Where(r => r.ReceivedOn >= rangeStart && r.ReceivedOn <= today);
        var days = await reports
            .GroupBy(r => new { r.DivisionId, r.ReceivedOn })
            .Select(g => new
            {
                g.Key.DivisionId,
                g.Key.ReceivedOn,
                Reports = g.Count(),
                NoOrLowHarm = g.Count(r => r.PhysicalHarm <= PhysicalHarm.Low),
                NearMisses = g.Count(r => r.Kind == ReportKind.NearMiss),
                SevereOrFatal = g.Count(r => r.PhysicalHarm >= PhysicalHarm.Severe),
                NonClinical = g.Count(r => r.StaffGroupId != null && nonClinical.Contains(r.StaffGroupId.Value)),
                Anonymous = g.Count(r => r.IsAnonymous),
                GoodPractice = g.Count(r => r.Kind == ReportKind.GoodPractice),
                FeedbackDue = g.Count(r => r.FeedbackBy <= today),
                FeedbackOnTime = g.Count(r => r.FeedbackBy <= today && r.FeedbackGivenOn != null && r.FeedbackGivenOn <= r.FeedbackBy),
            })
            .ToListAsync(cancellationToken);
        var acknowledgements = await reports.Where(r => r.AcknowledgedOn != null)
            .GroupBy(r => new { r.DivisionId, r.ReceivedOn, r.AcknowledgedOn })
            .Select(g => new { g.Key.DivisionId, g.Key.ReceivedOn, AcknowledgedOn = g.Key.AcknowledgedOn!.Value, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var rollups = new List<CultureRollup>();
        foreach (var kind in new[] { PeriodKind.Week, PeriodKind.Month })
        {
            var first = kind == PeriodKind.Week ? rangeStart : monthStart;
            var acksByPeriod = acknowledgements.Where(a => a.ReceivedOn >= first)
                .ToLookup(a => (Period.Of(kind, a.ReceivedOn).Start, Division: a.DivisionId ?? 0));
            foreach (var group in days.Where(d => d.ReceivedOn >= first).GroupBy(d => (Period.Of(kind, d.ReceivedOn).Start, Division: d.DivisionId ?? 0)))
            {
                var acks = acksByPeriod[group.Key]
                    .GroupBy(a => a.AcknowledgedOn.DayNumber - a.ReceivedOn.DayNumber)
                    .OrderBy(g => g.Key)
                    .Select(g => (Days: g.Key, Count: g.Sum(a => a.Count)))
                    .ToList();
                rollups.Add(new CultureRollup
                {
                    PeriodKind = kind,
                    PeriodStart = group.Key.Start,
                    DivisionKey = group.Key.Division,
                    Reports = group.Sum(d => d.Reports),
                    NoOrLowHarm = group.Sum(d => d.NoOrLowHarm),
                    NearMisses = group.Sum(d => d.NearMisses),
                    SevereOrFatal = group.Sum(d => d.SevereOrFatal),
                    NonClinicalReporters = group.Sum(d => d.NonClinical),
                    Anonymous = group.Sum(d => d.Anonymous),
                    GoodPractice = group.Sum(d => d.GoodPractice),
                    Acknowledged = acks.Sum(a => a.Count),
                    AcknowledgementDays = string.Join(',', acks.Select(a => $"{a.Days}:{a.Count}")),
                    FeedbackDue = group.Sum(d => d.FeedbackDue),
                    FeedbackOnTime = group.Sum(d => d.FeedbackOnTime),
                });
            }
        }

        async Task ReplaceAsync()
        {
            await db.CultureRollups.Where(r => (r.PeriodKind == PeriodKind.Month && r.PeriodStart >= monthStart) || (r.PeriodKind == PeriodKind.Week && r.PeriodStart >= rangeStart))
                .ExecuteDeleteAsync(cancellationToken);
            db.CultureRollups.AddRange(rollups);
            await db.SaveChangesAsync(cancellationToken);
        }

        if (db.Database.CurrentTransaction is not null)
        {
            // Inside a command's transaction (an import): the roll-ups commit with what changed them.
            await ReplaceAsync();
        }
        else
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await ReplaceAsync();
                await transaction.CommitAsync(cancellationToken);
            });
        }

        db.ChangeTracker.Clear();
        return rollups.Count;
    }
}

[DisallowConcurrentExecution]
[SafeToRunNow]
public sealed class CultureRollupJob(CultureRollups rollups) : IJob
{
    public static readonly JobKey Key = new("culture-rollups", "culture");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await rollups.RefreshAsync(cancellationToken);
}
