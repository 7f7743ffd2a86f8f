namespace FailingWell.Web.Domain.Network;

/// <summary>One organisation's reports and occupied bed days over the months the plot covers.</summary>
public sealed record FunnelInput(string Organisation, int Reports, double BedDays, bool IsYou = false);

/// <summary>Where a point sits against one pair of control limits.</summary>
public enum FunnelPosition
{
    Inside = 0,
    Above = 1,
    Below = 2,
}

/// <summary>An organisation on the plot: its rate per 1,000 bed days and where it sits against both limits.</summary>
public sealed record FunnelPoint(string Organisation, double BedDays, int Reports, double Rate, bool IsYou,
    FunnelPosition Against95, FunnelPosition Against998);

/// <summary>The limits, per 1,000 bed days, at one exposure: sampled along the bed-day axis for drawing.</summary>
public sealed record FunnelLimits(double BedDays, double Lower95, double Upper95, double Lower998, double Upper998);

/// <summary>A funnel plot: the pooled rate, every organisation's point, and the limit curves.</summary>
public sealed record Funnel(double PooledRate, IReadOnlyList<FunnelPoint> Points, IReadOnlyList<FunnelLimits> Curve);

/// <summary>
/// A funnel plot of reporting rate against bed days (Spiegelhalter 2005, as NHS England draws them; see
/// docs/decisions/0074-funnel-plot-normal-limits.md): the pooled rate θ = Σ reports / Σ bed days, and for an
/// exposure of E bed days the limits θ ± z·√(θ/E), the normal approximation to the Poisson, with z = 1.959964
/// for 95% and 3.090232 for 99.8%. Rates and limits are reported per 1,000 bed days; a lower limit is never
/// below 0.
/// </summary>
public static class FunnelPlot
{
    public const double Z95 = 1.959964;
    public const double Z998 = 3.090232;
    public const double Per = 1000;

    /// <summary>How many exposures the curves are drawn through.</summary>
    public const int CurveSamples = 40;

    /// <summary>The lower and upper limit, per 1,000 bed days, at <paramref name="bedDays"/> for a pooled rate per bed day.</summary>
    public static (double Lower, double Upper) Limits(double pooledPerBedDay, double bedDays, double z)
    {
        if (bedDays <= 0 || pooledPerBedDay < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bedDays), "Bed days must be positive and the rate not negative.");
        }

        var spread = z * Math.Sqrt(pooledPerBedDay / bedDays);
        return (Math.Max(0, pooledPerBedDay - spread) * Per, (pooledPerBedDay + spread) * Per);
    }

    /// <summary>The plot of <paramref name="inputs"/>; organisations without bed days are left out (they have no rate).</summary>
    public static Funnel Build(IReadOnlyList<FunnelInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var shown = inputs.Where(i => i.BedDays > 0 && i.Reports >= 0).ToList();
        if (shown.Count == 0)
        {
            return new Funnel(0, [], []);
        }

        var theta = shown.Sum(i => (double)i.Reports) / shown.Sum(i => i.BedDays);
        var points = shown.Select(i =>
        {
            var rate = i.Reports / i.BedDays * Per;
            return new FunnelPoint(i.Organisation, i.BedDays, i.Reports, rate, i.IsYou,
                Position(rate, Limits(theta, i.BedDays, Z95)), Position(rate, Limits(theta, i.BedDays, Z998)));
        }).ToList();

        // Geometric steps from half the smallest exposure to a little past the largest: the funnel narrows fast at first.
        var from = shown.Min(i => i.BedDays) / 2;
        var to = shown.Max(i => i.BedDays) * 1.1;
        var curve = Enumerable.Range(0, CurveSamples).Select(k =>
        {
            var e = from * Math.Pow(to / from, k / (double)(CurveSamples - 1));
            var (l95, u95) = Limits(theta, e, Z95);
            var (l998, u998) = Limits(theta, e, Z998);
            return new FunnelLimits(e, l95, u95, l998, u998);
        }).ToList();
        return new Funnel(theta * Per, points, curve);
    }

    private static FunnelPosition Position(double rate, (double Lower, double Upper) limits) =>
        rate > limits.Upper ? FunnelPosition.Above : rate < limits.Lower ? FunnelPosition.Below : FunnelPosition.Inside;
}
