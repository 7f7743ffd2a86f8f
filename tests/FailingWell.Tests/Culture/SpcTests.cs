using FailingWell.Web.Features.Culture;

namespace FailingWell.Tests.Culture;

/// <summary>Each series here was worked out by hand; the comments show the arithmetic.</summary>
public sealed class SpcTests
{
    private static double?[] Values(params double[] values) => [.. values.Select(v => (double?)v)];

    private static int[] Flagged(IReadOnlyList<SpcPoint> points, Func<SpcPoint, bool> flag) =>
        [.. points.Where(flag).Select(p => p.Index)];

    [Fact]
    public void Mean_and_limits_are_the_mean_plus_or_minus_2_66_mean_moving_ranges()
    {
        // 10,12 six times: mean 11; every moving range 2, so MRbar 2; limits 11 +/- 5.32.
        var points = Spc.Analyse(Values(10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12), upIsGood: true);

        Assert.All(points, p =>
        {
            Assert.Equal(11, p.Mean!.Value, 9);
            Assert.Equal(16.32, p.Upper!.Value, 9);
            Assert.Equal(5.68, p.Lower!.Value, 9);
            Assert.Equal(Variation.CommonCause, p.Variation);
        });
    }

    [Fact]
    public void Fewer_than_12_points_give_no_limits()
    {
        var points = Spc.Analyse(Values(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), upIsGood: true);

        Assert.All(points, p => Assert.Null(p.Upper));
        Assert.Equal(Variation.NotEnoughData, Spc.Latest(points));
    }

    [Fact]
    public void A_point_outside_the_limits_is_improvement_or_concern_by_the_measures_direction()
    {
        // 10,14 x6 then 30: mean 174/13 = 13.385 (so the 10s and 14s alternate either side of it);
        // MRs 4 x11 and 16: MRbar 60/12 = 5; upper limit 13.385 + 13.3 = 26.685 < 30.
        var values = Values(10, 14, 10, 14, 10, 14, 10, 14, 10, 14, 10, 14, 30);

        var up = Spc.Analyse(values, upIsGood: true);
        var down = Spc.Analyse(values, upIsGood: false);

        Assert.Equal(26.685, up[12].Upper!.Value, 3);
        Assert.Equal([12], Flagged(up, p => p.OutsideLimits));
        Assert.Equal(Variation.Improvement, up[12].Variation);
        Assert.Equal(Variation.Concern, down[12].Variation);
        Assert.Equal(Variation.CommonCause, up[11].Variation);
    }

    [Fact]
    public void Seven_points_in_a_row_on_one_side_of_the_mean_is_a_shift()
    {
        // 5,15 x3 then 11 x7: mean 137/13 = 10.538; MRs 10 x5, 4, 0 x6: MRbar 4.5; limits 10.538 +/- 11.97.
        // The last 15 and the seven 11s sit above the mean: a run of eight, a shift; the earlier 15s
        // are runs of one.
        var points = Spc.Analyse(Values(5, 15, 5, 15, 5, 15, 11, 11, 11, 11, 11, 11, 11), upIsGood: false);

        Assert.Equal([5, 6, 7, 8, 9, 10, 11, 12], Flagged(points, p => p.Shift));
        Assert.Empty(Flagged(points, p => p.OutsideLimits || p.Trend || p.TwoOfThree));
        Assert.Equal(Variation.Concern, points[12].Variation); // above the mean, and down is good
    }

    [Fact]
    public void Six_points_on_one_side_are_not_a_shift()
    {
        var points = Spc.Analyse(Values(5, 15, 5, 15, 5, 15, 5, 11, 11, 11, 11, 11, 11), upIsGood: true);

        Assert.Empty(Flagged(points, p => p.Shift));
    }

    [Fact]
    public void Seven_points_each_higher_than_the_last_is_a_trend_and_falling_ones_too()
    {
        // 1..7 rising, then 5 x5. Only those seven points belong to the trend.
        var rising = Spc.Analyse(Values(1, 2, 3, 4, 5, 6, 7, 5, 5, 5, 5, 5), upIsGood: true);
        var falling = Spc.Analyse(Values(7, 6, 5, 4, 3, 2, 1, 3, 3, 3, 3, 3), upIsGood: true);

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], Flagged(rising, p => p.Trend));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], Flagged(falling, p => p.Trend));
    }

    [Fact]
    public void Two_of_three_points_beyond_two_thirds_of_the_way_to_a_limit_are_special_cause()
    {
        // 10,11 x6 then 13.5, 13.5: mean 153/14 = 10.929; MRs 1 x11, 2.5, 0: MRbar 13.5/13 = 1.0385;
        // upper limit 13.691; two thirds of the way 12.770; both 13.5s lie between.
        var points = Spc.Analyse(Values(10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 13.5, 13.5), upIsGood: true);

        Assert.Equal(13.691, points[13].Upper!.Value, 3);
        Assert.Equal([12, 13], Flagged(points, p => p.TwoOfThree));
        Assert.Empty(Flagged(points, p => p.OutsideLimits || p.Shift || p.Trend));
        Assert.Equal(Variation.Improvement, Spc.Latest(points));
    }

    [Fact]
    public void Limits_recalculated_from_a_marked_point_start_a_new_baseline()
    {
        // 10,11 x6 then 20,21 x6. Split at 12: means 10.5 and 20.5, MRbar 1 in each, limits +/- 2.66.
        var values = Values(10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 21);

        var split = Spc.Analyse(values, upIsGood: true, recalculateFrom: [12]);
        var whole = Spc.Analyse(values, upIsGood: true);

        Assert.Equal(10.5, split[0].Mean!.Value, 9);
        Assert.Equal(20.5, split[23].Mean!.Value, 9);
        Assert.Equal(23.16, split[23].Upper!.Value, 9);
        Assert.All(split, p => Assert.Equal(Variation.CommonCause, p.Variation));
        Assert.Equal(15.5, whole[0].Mean!.Value, 9);
        Assert.Equal(Variation.Improvement, Spc.Latest(whole)); // one baseline: the step is a shift
    }

    [Fact]
    public void Suppressed_points_are_skipped()
    {
        var points = Spc.Analyse([10, 12, null, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12], upIsGood: true);

        Assert.Null(points[2].Value);
        Assert.Equal(11, points[0].Mean!.Value, 9);
    }

    [Fact]
    public void The_median_is_read_from_a_histogram_of_days()
    {
        Assert.Equal(1, CultureView.Median(["0:3,2:1", "5:2"])); // 0 0 0 2 5 5
        Assert.Equal(2, CultureView.Median(["0:1,2:1,5:1"]));
        Assert.Null(CultureView.Median([""]));
    }
}
