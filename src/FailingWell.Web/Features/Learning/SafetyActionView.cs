using System.Globalization;
using FailingWell.Web.Features.Culture;

namespace FailingWell.Web.Features.Learning;

/// <summary>
/// A safety action with its measure's monthly counts on an SPC chart, limits worked out afresh from
/// the month the action started, so a real change after it shows as special cause. The counts are a
/// grouped query over reports (the culture roll-ups hold no category breakdown).
/// </summary>
public static class SafetyActionView
{
    /// <summary>Months shown before the action: two years, enough for a baseline of limits.</summary>
    public const int MonthsBefore = 24;

    /// <param name="Exact">Leads and admins, who may read every report, see every count; others see counts of 1 to 4 suppressed.</param>
    public sealed record Query(int Id, bool Exact) : IRequest<Details?>;

    public sealed record Details(int Id, int ResponseId, string ResponseTitle, string Description, string? OwnerName, DateOnly StartsOn, DateOnly DueOn,
        DateOnly? CompletedOn, bool Overdue, string Measure, ExpectedDirection Direction, CultureView.Series Series, CultureView.Marker Marker,
        double? MeanBefore, double? MeanAfter);

    public static string DescribeMeasure(SafetyAction a, IReadOnlyDictionary<int, string> categories, IReadOnlyDictionary<int, string> divisions, IReadOnlyDictionary<int, string> locations)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(divisions);
        ArgumentNullException.ThrowIfNull(locations);
        var where = a.MeasureLocationId is { } l ? $" at {locations.GetValueOrDefault(l, "a location")}"
            : a.MeasureDivisionId is { } d ? $" in {divisions.GetValueOrDefault(d, "a division")}" : "";
        var kind = a.MeasureKind is { } k ? $" ({k.Describe().ToLowerInvariant()})" : "";
        return $"Reports of {categories.GetValueOrDefault(a.MeasureCategoryId, "a category").ToLowerInvariant()}{kind}{where}, monthly, expected to {(a.ExpectedDirection == ExpectedDirection.Fall ? "fall" : "rise")}";
    }

    /// <summary>The measure's monthly counts from <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
    public static async Task<Dictionary<DateOnly, int>> MonthlyCountsAsync(FailingWellDbContext db, SafetyAction a, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(a);
        var reports = db.Reports.AsNoTracking().Where(r => r.CategoryId == a.MeasureCategoryId && r.ReceivedOn >= from && r.ReceivedOn < to);
        if (a.MeasureDivisionId is { } division)
        {
            reports = reports.Where(r => r.DivisionId == division);
        }

        if (a.MeasureLocationId is { } location)
        {
            reports = reports.Where(r => r.LocationId == location);
        }

        if (a.MeasureKind is { } kind)
        {
            reports = reports.Where(r => r.Kind == kind);
        }

        var rows = await reports.GroupBy(r => new { r.ReceivedOn.Year, r.ReceivedOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => new DateOnly(r.Year, r.Month, 1), r => r.Count);
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, Details?>
    {
        public async Task<Details?> Handle(Query request, CancellationToken cancellationToken)
        {
            var a = await db.SafetyActions.AsNoTracking().Include(x => x.LearningResponse).SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken);
            if (a is null)
            {
                return null;
            }

            var today = time.Today;
            var latest = Period.LastCompleteBefore(PeriodKind.Month, today);
            var periods = new List<Period> { Period.Month(a.StartsOn).Start <= latest.Start ? latest : Period.Month(a.StartsOn) };
            var first = Period.Month(a.StartsOn).Start.AddMonths(-MonthsBefore);
            while (periods[^1].Start > first)
            {
                periods.Add(periods[^1].Previous);
            }

            periods.Reverse();
            var counts = await MonthlyCountsAsync(db, a, periods[0].Start, periods[^1].End, cancellationToken);
            var values = periods.Select(p => counts.GetValueOrDefault(p.Start)).Select(c => request.Exact || !SmallNumbers.IsHidden(c) ? (double?)c : null).ToList();
            var startIndex = periods.FindIndex(p => p.End > a.StartsOn);
            var direction = a.ExpectedDirection == ExpectedDirection.Fall ? ImprovementDirection.Decrease : ImprovementDirection.Increase;
            var spc = Spc.Analyse(values, direction, startIndex > 0 ? [startIndex] : null, lowest: 0);
            var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            var locations = await db.Locations.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            var measureText = DescribeMeasure(a, categories, divisions, locations);
            var measure = new CultureView.Measure("action-" + a.Id.ToString(CultureInfo.InvariantCulture), measureText, "reports", direction,
                "Whether the safety action changed how often this happens.");
            var points = periods.Select((p, i) => new CultureView.Point(p.Start, CultureView.Label(p), values[i], spc[i])).ToList();
            var series = new CultureView.Series(measure, points, Spc.Latest(spc), CultureView.Reading(measure, points));
            var before = values.Take(Math.Max(0, startIndex)).Where(v => v is not null).Select(v => v!.Value).ToList();
            var after = startIndex < 0 ? [] : values.Skip(startIndex + 1).Where(v => v is not null).Select(v => v!.Value).ToList();
            return new Details(a.Id, a.LearningResponseId, a.LearningResponse!.Title, a.Description, a.OwnerName, a.StartsOn, a.DueOn, a.CompletedOn,
                a.IsOverdue(today), measureText, a.ExpectedDirection, series, new CultureView.Marker(a.StartsOn, "Safety action started", true),
                before.Count == 0 ? null : Math.Round(before.Average(), 1), after.Count == 0 ? null : Math.Round(after.Average(), 1));
        }
    }
}
