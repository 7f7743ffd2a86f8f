using FailingWell.Web.Domain.Network;

namespace FailingWell.Tests.Domain.Network;

public sealed class FunnelPlotTests
{
    // Three organisations, worked on paper:
    //   A: 100 reports in 10,000 bed days (10 per 1,000)   B: 300 in 20,000 (15)   C: 200 in 20,000 (10)
    //   θ = (100 + 300 + 200) / (10,000 + 20,000 + 20,000) = 600 / 50,000 = 0.012 a bed day = 12 per 1,000.
    //   At E = 10,000: √(θ/E) = √(0.012 / 10,000) = √0.0000012 = 0.0010954
    //     95%:   1.959964 × 0.0010954 = 0.0021470 → 12 ± 2.147 → 9.853 to 14.147
    //     99.8%: 3.090232 × 0.0010954 = 0.0033852 → 12 ± 3.385 → 8.615 to 15.385
    //   At E = 20,000: √(0.012 / 20,000) = √0.0000006 = 0.00077460
    //     95%:   1.959964 × 0.00077460 = 0.0015182 → 10.482 to 13.518
    //     99.8%: 3.090232 × 0.00077460 = 0.0023937 → 9.606 to 14.394
    //   So A (10) is inside both; B (15) is above both; C (10) is below the 95% but inside the 99.8%.
    private static readonly FunnelInput[] Three =
    [
        new("A", 100, 10_000),
        new("B", 300, 20_000, IsYou: true),
        new("C", 200, 20_000),
    ];

    [Fact]
    public void The_pooled_rate_is_all_reports_over_all_bed_days_per_thousand()
    {
        Assert.Equal(12.0, FunnelPlot.Build(Three).PooledRate, 9);
    }

    [Theory]
    [InlineData(10_000, FunnelPlot.Z95, 9.853, 14.147)]
    [InlineData(10_000, FunnelPlot.Z998, 8.615, 15.385)]
    [InlineData(20_000, FunnelPlot.Z95, 10.482, 13.518)]
    [InlineData(20_000, FunnelPlot.Z998, 9.606, 14.394)]
    public void The_limits_match_the_hand_worked_numbers(double bedDays, double z, double lower, double upper)
    {
        var (l, u) = FunnelPlot.Limits(0.012, bedDays, z);
        Assert.Equal(lower, l, 0.001);
        Assert.Equal(upper, u, 0.001);
    }

    [Fact]
    public void Each_organisation_is_placed_inside_above_or_below_each_pair_of_limits()
    {
        var points = FunnelPlot.Build(Three).Points.ToDictionary(p => p.Organisation);

        Assert.Equal((FunnelPosition.Inside, FunnelPosition.Inside), (points["A"].Against95, points["A"].Against998));
        Assert.Equal((FunnelPosition.Above, FunnelPosition.Above), (points["B"].Against95, points["B"].Against998));
        Assert.Equal((FunnelPosition.Below, FunnelPosition.Inside), (points["C"].Against95, points["C"].Against998));
        Assert.Equal(15.0, points["B"].Rate, 9);
        Assert.True(points["B"].IsYou);
    }

    [Fact]
    public void A_lower_limit_that_would_be_negative_is_zero()
    {
        // θ = 0.012, E = 10: √(0.012 / 10) = 0.03464; 0.012 − 1.959964 × 0.03464 = −0.0559 → 0.
        var (lower, upper) = FunnelPlot.Limits(0.012, 10, FunnelPlot.Z95);
        Assert.Equal(0, lower);
        Assert.Equal((0.012 + (1.959964 * Math.Sqrt(0.0012))) * 1000, upper, 0.001); // 79.9
    }

    [Fact]
    public void The_curves_narrow_as_bed_days_grow_and_span_every_organisation()
    {
        var curve = FunnelPlot.Build(Three).Curve;

        Assert.Equal(FunnelPlot.CurveSamples, curve.Count);
        Assert.True(curve[0].BedDays <= 10_000 && curve[^1].BedDays >= 20_000);
        Assert.All(curve.Zip(curve.Skip(1)), pair => Assert.True(pair.Second.Upper998 - pair.Second.Lower998 < pair.First.Upper998 - pair.First.Lower998));
        Assert.All(curve, c => Assert.True(c.Lower998 <= c.Lower95 && c.Upper95 <= c.Upper998));
    }

    [Fact]
    public void Organisations_without_bed_days_are_left_off_and_none_gives_an_empty_plot()
    {
        Assert.Empty(FunnelPlot.Build([new("No beds", 40, 0)]).Points);
        var plot = FunnelPlot.Build([.. Three, new("No beds", 40, 0)]);
        Assert.Equal(3, plot.Points.Count);
        Assert.Equal(12.0, plot.PooledRate, 9);
    }
}
