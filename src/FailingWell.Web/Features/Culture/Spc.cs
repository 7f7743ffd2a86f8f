namespace FailingWell.Web.Features.Culture;

public enum Variation
{
    /// <summary>Not enough points for limits (fewer than 12).</summary>
    NotEnoughData = 0,
    CommonCause = 1,
    Improvement = 2,
    Concern = 3,

    /// <summary>Special cause on a measure where neither direction is better (see <see cref="SpcPoint.High"/>).</summary>
    Neutral = 4,
}

/// <summary>Which way is better for a measure, as NHSRplotthedots' <c>improvement_direction</c>.</summary>
public enum ImprovementDirection
{
    Decrease = -1,
    Neutral = 0,
    Increase = 1,
}

/// <summary>
/// Whether the process, as its latest limits describe it, will meet a target, as Making Data Count's
/// assurance icons say: a target beyond the limits on the good side is always met, beyond them on the
/// bad side never, and between them sometimes.
/// </summary>
public enum Assurance
{
    /// <summary>No target, a neutral measure, or no limits yet.</summary>
    None = 0,
    ConsistentlyPasses = 1,
    ConsistentlyFails = 2,
    HitAndMiss = 3,
}

/// <summary>The rule that classified a point: the first of these that holds, in this order.</summary>
public enum SpecialCause
{
    None = 0,

    /// <summary>Above the upper or below the lower process limit.</summary>
    OutsideLimits = 1,

    /// <summary>Part of 7 points each strictly higher (or each strictly lower) than the one before.</summary>
    Trend = 2,

    /// <summary>Two of three consecutive points beyond two thirds of the way to a limit, all three on one side of the mean.</summary>
    TwoOfThree = 3,

    /// <summary>Part of 7 consecutive points on one side of the mean (a point on the mean breaks the run).</summary>
    Shift = 4,
}

/// <summary>
/// One point of an XmR chart: its value, its segment's mean and limits (clamped to the possible range),
/// which rules it is part of, the rule that classified it, and what it signals. <see cref="High"/> is the
/// direction of the signal: above the mean, or rising for a trend.
/// </summary>
public sealed record SpcPoint(int Index, double? Value, double? Mean, double? Upper, double? Lower,
    bool OutsideLimits, bool Shift, bool Trend, bool TwoOfThree, bool High, Variation Variation,
    SpecialCause Rule = SpecialCause.None, bool RecalculationStarts = false);

/// <summary>
/// NHS England "Making Data Count" statistical process control as NHSRplotthedots computes it (see
/// docs/decisions/0060-spc-rule-set.md): an XmR chart with limits at the mean plus or minus 2.66 times the
/// mean moving range, moving ranges above 3.267 times their mean screened out first, and four
/// special-cause rules taken in order of precedence. Limits can be recalculated from a marked point;
/// every rule works inside one baseline only.
/// </summary>
public static class Spc
{
    public const int MinimumPoints = 12;
    public const int RunLength = 7;
    public const double Scaling = 2.66;

    /// <summary>Two thirds of the way from the mean to a limit, written as NHSRplotthedots writes it.</summary>
    public const double CloseScaling = 2 * (Scaling / 3);

    /// <summary>Moving ranges at or above this many times their mean are left out of the limits.</summary>
    public const double ScreeningFactor = 3.267;

    /// <summary>
    /// The assurance the latest limits give against <paramref name="target"/>, as NHSRplotthedots
    /// works it out: a target above the upper limit is always failed where higher is better (always met
    /// where lower is), a target below the lower limit the reverse, and one between them hit and miss.
    /// </summary>
    public static Assurance Assure(IReadOnlyList<SpcPoint> points, double? target, ImprovementDirection direction)
    {
        ArgumentNullException.ThrowIfNull(points);
        var latest = points.LastOrDefault(p => p.Value is not null && p.Upper is not null && p.Lower is not null);
        if (target is not { } goal || direction == ImprovementDirection.Neutral || latest is null)
        {
            return Assurance.None;
        }

        var higherIsBetter = direction == ImprovementDirection.Increase;
        return goal > latest.Upper!.Value ? (higherIsBetter ? Assurance.ConsistentlyFails : Assurance.ConsistentlyPasses)
            : goal < latest.Lower!.Value ? (higherIsBetter ? Assurance.ConsistentlyPasses : Assurance.ConsistentlyFails)
            : Assurance.HitAndMiss;
    }

    /// <param name="values">The series; null points (suppressed) are skipped, so neighbours either side are consecutive.</param>
    /// <param name="direction">For reporting rate, up is better; for the anonymous share, down is.</param>
    /// <param name="recalculateFrom">Indexes from which a new baseline (mean and limits) starts.</param>
    /// <param name="lowest">The lowest possible value (0 for counts): a lower limit below it is drawn at it.</param>
    /// <param name="highest">The highest possible value (100 for percentages).</param>
    public static IReadOnlyList<SpcPoint> Analyse(IReadOnlyList<double?> values, ImprovementDirection direction,
        IReadOnlyCollection<int>? recalculateFrom = null, double lowest = double.NegativeInfinity, double highest = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(values);
        var starts = new SortedSet<int>((recalculateFrom ?? []).Where(i => i > 0 && i < values.Count)) { 0 };
        var result = new SpcPoint[values.Count];
        var bounds = starts.Append(values.Count).ToList();
        for (var s = 0; s < bounds.Count - 1; s++)
        {
            AnalyseSegment(values, bounds[s], bounds[s + 1], direction, lowest, highest, result);
            if (bounds[s] > 0)
            {
                result[bounds[s]] = result[bounds[s]] with { RecalculationStarts = true };
            }
        }

        return result;
    }

    /// <summary>The variation icon of a measure: what its latest point signals.</summary>
    public static Variation Latest(IReadOnlyList<SpcPoint> points) =>
        points.LastOrDefault(p => p.Value is not null)?.Variation ?? Variation.NotEnoughData;

    /// <summary>The mean moving range, with moving ranges at or above 3.267 times the first mean left out.</summary>
    public static double MeanMovingRange(IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var ranges = x.Skip(1).Select((v, k) => Math.Abs(v - x[k])).ToList();
        if (ranges.Count == 0)
        {
            return 0;
        }

        var first = ranges.Average();
        var kept = ranges.Where(r => r < ScreeningFactor * first).ToList();

        // Only a flat series keeps none (every range 0, and 0 is not below 0): its mean moving range is 0.
        return kept.Count == 0 ? first : kept.Average();
    }

    private static void AnalyseSegment(IReadOnlyList<double?> values, int from, int to, ImprovementDirection direction,
        double lowest, double highest, SpcPoint[] result)
    {
        var present = Enumerable.Range(from, to - from).Where(i => values[i] is not null).ToList();
        if (present.Count < MinimumPoints)
        {
            foreach (var i in Enumerable.Range(from, to - from))
            {
                result[i] = new SpcPoint(i, values[i], null, null, null, false, false, false, false, false, Variation.NotEnoughData);
            }

            return;
        }

        var x = present.Select(i => values[i]!.Value).ToArray();
        var n = x.Length;
        var mean = x.Average();
        var movingRange = MeanMovingRange(x);
        var upper = mean + (Scaling * movingRange);
        var lower = mean - (Scaling * movingRange);
        var closeUpper = mean + (CloseScaling * movingRange);
        var closeLower = mean - (CloseScaling * movingRange);

        var side = x.Select(v => Math.Sign(v - mean)).ToArray();
        var outside = x.Select(v => v > upper || v < lower).ToArray();
        var close = x.Select((v, k) => !outside[k] && (v < closeLower || v > closeUpper)).ToArray();
        var shift = new bool[n];
        var trend = new bool[n];
        var twoOfThree = new bool[n];

        for (var end = RunLength - 1; end < n; end++)
        {
            var window = Enumerable.Range(end - RunLength + 1, RunLength).ToList();

            // 7 on one side: all seven share a side of the mean, and none is on it.
            if (side[end] != 0 && window.All(k => side[k] == side[end]))
            {
                window.ForEach(k => shift[k] = true);
            }

            // 7 rising or falling: each strictly higher (or lower) than the one before; a repeat breaks it.
            var steps = window.Skip(1).Select(k => Math.Sign(x[k] - x[k - 1])).ToList();
            if (steps.All(d => d == 1) || steps.All(d => d == -1))
            {
                window.ForEach(k => trend[k] = true);
            }
        }

        // 2 of 3: a window of three consecutive points, all on one side of the mean, with at least two of
        // them beyond two thirds of the way to a limit (but not outside it). Only those two (or three) are marked.
        for (var start = 0; start + 3 <= n; start++)
        {
            var window = Enumerable.Range(start, 3).ToList();
            if (window.Count(k => close[k]) >= 2 && Math.Abs(window.Sum(k => side[k])) == 3)
            {
                window.Where(k => close[k]).ToList().ForEach(k => twoOfThree[k] = true);
            }
        }

        for (var k = 0; k < n; k++)
        {
            var rule = outside[k] ? SpecialCause.OutsideLimits
                : trend[k] ? SpecialCause.Trend
                : twoOfThree[k] ? SpecialCause.TwoOfThree
                : shift[k] ? SpecialCause.Shift
                : SpecialCause.None;
            var high = rule == SpecialCause.Trend ? TrendIsRising(x, trend, k) : side[k] > 0;
            var variation = rule == SpecialCause.None ? Variation.CommonCause
                : direction == ImprovementDirection.Neutral ? Variation.Neutral
                : high == (direction == ImprovementDirection.Increase) ? Variation.Improvement
                : Variation.Concern;
            var i = present[k];
            result[i] = new SpcPoint(i, x[k], mean, Math.Min(upper, highest), Math.Max(lower, lowest),
                outside[k], shift[k], trend[k], twoOfThree[k], high, variation, rule);
        }

        foreach (var i in Enumerable.Range(from, to - from).Where(i => values[i] is null))
        {
            result[i] = new SpcPoint(i, null, mean, Math.Min(upper, highest), Math.Max(lower, lowest), false, false, false, false, false, Variation.CommonCause);
        }
    }

    /// <summary>
    /// A trend point's direction is the step to the next point when that one is in the trend too, else
    /// the step from the one before (so a point where a rise turns into a fall goes with the fall).
    /// </summary>
    private static bool TrendIsRising(double[] x, bool[] trend, int k) =>
        k + 1 < x.Length && trend[k + 1] ? x[k + 1] > x[k] : k > 0 && x[k] > x[k - 1];
}
