namespace FailingWell.Web.Features.Culture;

public enum Variation
{
    /// <summary>Not enough points for limits (fewer than 12).</summary>
    NotEnoughData = 0,
    CommonCause = 1,
    Improvement = 2,
    Concern = 3,
}

/// <summary>One point of an XmR chart: its value, its segment's mean and limits, and what it signals.</summary>
public sealed record SpcPoint(int Index, double? Value, double? Mean, double? Upper, double? Lower,
    bool OutsideLimits, bool Shift, bool Trend, bool TwoOfThree, bool High, Variation Variation);

/// <summary>
/// NHS England "Making Data Count" statistical process control: an XmR chart with limits at the mean
/// plus or minus 2.66 times the mean moving range, and four special-cause rules. Whether "up" is good
/// is a property of the measure. Limits can be recalculated from a marked point.
/// </summary>
public static class Spc
{
    public const int MinimumPoints = 12;
    public const int RunLength = 7;
    public const double Scaling = 2.66;

    /// <param name="values">The series; null points (suppressed) are skipped.</param>
    /// <param name="upIsGood">For reporting rate, up is good; for the anonymous share, down is.</param>
    /// <param name="recalculateFrom">Indexes from which a new baseline (mean and limits) starts.</param>
    public static IReadOnlyList<SpcPoint> Analyse(IReadOnlyList<double?> values, bool upIsGood, IReadOnlyCollection<int>? recalculateFrom = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var starts = new SortedSet<int>((recalculateFrom ?? []).Where(i => i > 0 && i < values.Count)) { 0 };
        var result = new SpcPoint[values.Count];
        var bounds = starts.Append(values.Count).ToList();
        for (var s = 0; s < bounds.Count - 1; s++)
        {
            AnalyseSegment(values, bounds[s], bounds[s + 1], upIsGood, result);
        }

        return result;
    }

    /// <summary>The variation icon of a measure: what its latest point signals.</summary>
    public static Variation Latest(IReadOnlyList<SpcPoint> points) =>
        points.LastOrDefault(p => p.Value is not null)?.Variation ?? Variation.NotEnoughData;

    private static void AnalyseSegment(IReadOnlyList<double?> values, int from, int to, bool upIsGood, SpcPoint[] result)
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
        var mean = x.Average();
        var movingRange = x.Skip(1).Select((v, k) => Math.Abs(v - x[k])).Average();
        var upper = mean + (Scaling * movingRange);
        var lower = mean - (Scaling * movingRange);
        var n = x.Length;
        var outside = new bool[n];
        var shift = new bool[n];
        var trend = new bool[n];
        var twoOfThree = new bool[n];

        for (var k = 0; k < n; k++)
        {
            outside[k] = x[k] > upper || x[k] < lower;
        }

        // Shift: a run of 7 or more on one side of the mean (a point on the mean breaks it).
        MarkRuns(n, k => Math.Sign(x[k] - mean), shift);

        // Trend: 7 or more points each higher (or each lower) than the one before.
        for (var start = 0; start + RunLength <= n; start++)
        {
            var rising = Enumerable.Range(start + 1, RunLength - 1).All(k => x[k] > x[k - 1]);
            var falling = Enumerable.Range(start + 1, RunLength - 1).All(k => x[k] < x[k - 1]);
            if (rising || falling)
            {
                for (var k = start; k < start + RunLength; k++)
                {
                    trend[k] = true;
                }
            }
        }

        // Two of three consecutive points beyond two thirds of the way to a limit, on the same side.
        var highZone = mean + ((upper - mean) * 2 / 3);
        var lowZone = mean - ((mean - lower) * 2 / 3);
        for (var start = 0; start + 3 <= n; start++)
        {
            foreach (var beyond in new Func<double, bool>[] { v => v > highZone, v => v < lowZone })
            {
                var hits = Enumerable.Range(start, 3).Where(k => beyond(x[k])).ToList();
                if (hits.Count >= 2)
                {
                    foreach (var k in hits)
                    {
                        twoOfThree[k] = true;
                    }
                }
            }
        }

        for (var k = 0; k < n; k++)
        {
            var i = present[k];
            var special = outside[k] || shift[k] || trend[k] || twoOfThree[k];
            var high = trend[k] && !outside[k] && !shift[k] && !twoOfThree[k]
                ? TrendIsRising(x, k)
                : x[k] > mean;
            var variation = !special ? Variation.CommonCause : high == upIsGood ? Variation.Improvement : Variation.Concern;
            result[i] = new SpcPoint(i, x[k], mean, upper, lower, outside[k], shift[k], trend[k], twoOfThree[k], high, variation);
        }

        foreach (var i in Enumerable.Range(from, to - from).Where(i => values[i] is null))
        {
            result[i] = new SpcPoint(i, null, mean, upper, lower, false, false, false, false, false, Variation.CommonCause);
        }
    }

    private static bool TrendIsRising(double[] x, int k) =>
        k + 1 < x.Length && x[k + 1] != x[k] ? x[k + 1] > x[k] : k > 0 && x[k] > x[k - 1];

    private static void MarkRuns(int n, Func<int, int> side, bool[] marks)
    {
        var start = 0;
        for (var k = 1; k <= n; k++)
        {
            if (k == n || side(k) != side(start) || side(k) == 0)
            {
                if (side(start) != 0 && k - start >= RunLength)
                {
                    for (var j = start; j < k; j++)
                    {
                        marks[j] = true;
                    }
                }

                start = k;
            }
        }
    }
}
