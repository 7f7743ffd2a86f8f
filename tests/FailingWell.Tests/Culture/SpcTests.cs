using FailingWell.Web.Features.Culture;

namespace FailingWell.Tests.Culture;

/// <summary>Each series here was worked out by hand; the comments show the arithmetic.</summary>
public sealed class SpcTests
{
    private static double?[] Values(params double[] values) => [.. values.Select(v => (double?)v)];

    private static int[] Flagged(IReadOnlyList<SpcPoint> points, Func<SpcPoint, bool> flag) =>
        [.. points.Where(flag).Select(p => p.Index)];

    private static readonly (SpecialCause, Variation) Common = (SpecialCause.None, Variation.CommonCause);

    private static (SpecialCause, Variation) Better(SpecialCause rule) => (rule, Variation.Improvement);

    private static (SpecialCause, Variation) Worse(SpecialCause rule) => (rule, Variation.Concern);

    private static (SpecialCause, Variation) Neither(SpecialCause rule) => (rule, Variation.Neutral);

    private static (SpecialCause, Variation)[] Classes(IReadOnlyList<SpcPoint> points) => [.. points.Select(p => (p.Rule, p.Variation))];

    private static (SpecialCause, Variation)[] Repeat((SpecialCause, Variation) c, int times) => [.. Enumerable.Repeat(c, times)];

    [Fact]
    public void Mean_and_limits_are_the_mean_plus_or_minus_2_66_mean_moving_ranges()
    {
        // 10,12 six times: mean 11; every moving range 2, so MRbar 2; limits 11 +/- 5.32.
        var points = Spc.Analyse(Values(10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12), ImprovementDirection.Increase);

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
        var points = Spc.Analyse(Values(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), ImprovementDirection.Increase);

        Assert.All(points, p => Assert.Null(p.Upper));
        Assert.Equal(Variation.NotEnoughData, Spc.Latest(points));
    }

    [Fact]
    public void A_point_outside_the_limits_is_improvement_or_concern_by_the_measures_direction()
    {
        // 10,14 x6 then 30: mean 174/13 = 13.385 (so the 10s and 14s alternate either side of it);
        // MRs 4 x11 and 16: MRbar 60/12 = 5; upper limit 13.385 + 13.3 = 26.685 < 30.
        var values = Values(10, 14, 10, 14, 10, 14, 10, 14, 10, 14, 10, 14, 30);

        var up = Spc.Analyse(values, ImprovementDirection.Increase);
        var down = Spc.Analyse(values, ImprovementDirection.Decrease);

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
        var points = Spc.Analyse(Values(5, 15, 5, 15, 5, 15, 11, 11, 11, 11, 11, 11, 11), ImprovementDirection.Decrease);

        Assert.Equal([5, 6, 7, 8, 9, 10, 11, 12], Flagged(points, p => p.Shift));
        Assert.Empty(Flagged(points, p => p.OutsideLimits || p.Trend || p.TwoOfThree));
        Assert.Equal(Variation.Concern, points[12].Variation); // above the mean, and down is good
    }

    [Fact]
    public void Six_points_on_one_side_are_not_a_shift()
    {
        var points = Spc.Analyse(Values(5, 15, 5, 15, 5, 15, 5, 11, 11, 11, 11, 11, 11), ImprovementDirection.Increase);

        Assert.Empty(Flagged(points, p => p.Shift));
    }

    [Fact]
    public void Seven_points_each_higher_than_the_last_is_a_trend_and_falling_ones_too()
    {
        // 1..7 rising, then 5 x5. Only those seven points belong to the trend.
        var rising = Spc.Analyse(Values(1, 2, 3, 4, 5, 6, 7, 5, 5, 5, 5, 5), ImprovementDirection.Increase);
        var falling = Spc.Analyse(Values(7, 6, 5, 4, 3, 2, 1, 3, 3, 3, 3, 3), ImprovementDirection.Increase);

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], Flagged(rising, p => p.Trend));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], Flagged(falling, p => p.Trend));
    }

    [Fact]
    public void A_repeated_value_breaks_a_trend()
    {
        // 1,2,3,4,5 then 5 again, 6,7: five rising, then three; never seven each higher than the last.
        var points = Spc.Analyse(Values(1, 2, 3, 4, 5, 5, 6, 7, 5, 5, 5, 5), ImprovementDirection.Increase);

        Assert.Empty(Flagged(points, p => p.Trend));
    }

    [Fact]
    public void A_rising_run_below_a_recalculated_mean_is_a_trend_and_an_improvement_not_a_shift_and_a_concern()
    {
        // Baseline 1 (0-11): 30,31 x6, mean 30.5, MRbar 1, all common cause. Recalculated from 12.
        // Baseline 2 (12-23): 10,11,12,13,14,15,16, 22,18,22,18,22.
        //   mean 193/12 = 16.083; MRs 1 x6, 6, 4 x4 = 28 over 11: MRbar 2.545 (none reaches 3.267 x 2.545 = 8.3);
        //   limits 16.083 +/- 6.771 = 9.312 to 22.854; two thirds of the way: 11.569 and 20.597.
        //   12-19 (10 up to 22) rise eight times in a row: a trend, so improvement where up is better,
        //   though 12-18 are also seven below the mean (a shift) and 12, 13 two of three low (10, 11, 12).
        //   21 and 23 (22s) are two of three above 20.597 with the 18 between them (also above the mean).
        var values = Values(30, 31, 30, 31, 30, 31, 30, 31, 30, 31, 30, 31, 10, 11, 12, 13, 14, 15, 16, 22, 18, 22, 18, 22);

        var up = Spc.Analyse(values, ImprovementDirection.Increase, recalculateFrom: [12]);
        var down = Spc.Analyse(values, ImprovementDirection.Decrease, recalculateFrom: [12]);

        Assert.Equal(16.083, up[12].Mean!.Value, 3);
        Assert.Equal(22.854, up[12].Upper!.Value, 3);
        Assert.Equal(9.312, up[12].Lower!.Value, 3);
        Assert.Equal([12], Flagged(up, p => p.RecalculationStarts));
        Assert.Equal([12, 13, 14, 15, 16, 17, 18], Flagged(up, p => p.Shift));
        Assert.Equal([12, 13, 19, 21, 23], Flagged(up, p => p.TwoOfThree));
        Assert.Equal(
            [.. Repeat(Common, 12), .. Repeat(Better(SpecialCause.Trend), 8), Common, Better(SpecialCause.TwoOfThree), Common, Better(SpecialCause.TwoOfThree)],
            Classes(up));
        Assert.Equal(
            [.. Repeat(Common, 12), .. Repeat(Worse(SpecialCause.Trend), 8), Common, Worse(SpecialCause.TwoOfThree), Common, Worse(SpecialCause.TwoOfThree)],
            Classes(down));
    }

    // 12,11 x6, then 16,11,16 (a window straddling the mean), 12, then 7,11,7 (a window all below it).
    // mean 218/19 = 11.474; MRs 1 x11, 5,5,5,4,5,4,4 = 43 over 18: MRbar 2.389 (none reaches 7.8);
    // limits 11.474 +/- 6.354 = 5.119 to 17.828; two thirds of the way: 7.237 and 15.710.
    private static readonly double?[] TwoOfThreeSeries = Values(12, 11, 12, 11, 12, 11, 12, 11, 12, 11, 12, 11, 16, 11, 16, 12, 7, 11, 7);

    [Fact]
    public void Two_of_three_beyond_two_thirds_counts_only_when_all_three_are_on_the_same_side_of_the_mean()
    {
        var points = Spc.Analyse(TwoOfThreeSeries, ImprovementDirection.Increase);

        Assert.Equal(15.710, points[0].Mean!.Value + (Spc.CloseScaling * (points[0].Upper!.Value - points[0].Mean!.Value) / Spc.Scaling), 3);
        Assert.True(points[12].Value > 15.710 && points[14].Value > 15.710); // both 16s are beyond two thirds...
        Assert.True(points[13].Value < points[13].Mean); // ...but the 11 between them is below the mean: no signal
        Assert.True(points[17].Value < points[17].Mean); // the 11 between the 7s is below the mean too: a signal
        Assert.Equal([16, 18], Flagged(points, p => p.TwoOfThree)); // the two 7s, not the 11 between them
        Assert.Equal([.. Repeat(Common, 16), Worse(SpecialCause.TwoOfThree), Common, Worse(SpecialCause.TwoOfThree)], Classes(points));
    }

    // 10,14 x3, then 10,11,12,13,14,15,22: mean 169/13 = 13; MRs 4 x6, 1 x5, 7 = 36 over 12: MRbar 3
    // (none reaches 9.8); limits 13 +/- 7.98 = 5.02 to 20.98. The last seven (6-12) rise each time, and
    // the 22 at the end is also above the upper limit.
    private static readonly double?[] TrendWithOutlier = Values(10, 14, 10, 14, 10, 14, 10, 11, 12, 13, 14, 15, 22);

    [Fact]
    public void A_point_outside_the_limits_inside_a_trend_is_classed_by_the_limits()
    {
        var up = Spc.Analyse(TrendWithOutlier, ImprovementDirection.Increase);
        var down = Spc.Analyse(TrendWithOutlier, ImprovementDirection.Decrease);

        Assert.Equal(20.98, up[12].Upper!.Value, 9);
        Assert.Equal([6, 7, 8, 9, 10, 11, 12], Flagged(up, p => p.Trend));
        Assert.Equal([.. Repeat(Common, 6), .. Repeat(Better(SpecialCause.Trend), 6), Better(SpecialCause.OutsideLimits)], Classes(up));
        Assert.Equal([.. Repeat(Common, 6), .. Repeat(Worse(SpecialCause.Trend), 6), Worse(SpecialCause.OutsideLimits)], Classes(down));
    }

    [Fact]
    public void A_neutral_measure_has_special_causes_that_are_high_or_low_but_neither_better_nor_worse()
    {
        var rising = Spc.Analyse(TrendWithOutlier, ImprovementDirection.Neutral);
        var low = Spc.Analyse(TwoOfThreeSeries, ImprovementDirection.Neutral);

        Assert.Equal([.. Repeat(Common, 6), .. Repeat(Neither(SpecialCause.Trend), 6), Neither(SpecialCause.OutsideLimits)], Classes(rising));
        Assert.All(rising.Skip(6), p => Assert.True(p.High));
        Assert.Equal([.. Repeat(Common, 16), Neither(SpecialCause.TwoOfThree), Common, Neither(SpecialCause.TwoOfThree)], Classes(low));
        Assert.False(low[16].High);
        Assert.False(low[18].High);
        Assert.Equal(Variation.Neutral, Spc.Latest(low));
    }

    [Fact]
    public void Two_of_three_points_beyond_two_thirds_of_the_way_to_a_limit_are_special_cause()
    {
        // 10,11 x6 then 13.5, 13.5: mean 153/14 = 10.929; MRs 1 x11, 2.5, 0: MRbar 13.5/13 = 1.0385;
        // upper limit 13.691; two thirds of the way 12.770; both 13.5s lie between.
        var points = Spc.Analyse(Values(10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 13.5, 13.5), ImprovementDirection.Increase);

        Assert.Equal(13.691, points[13].Upper!.Value, 3);
        Assert.Equal([12, 13], Flagged(points, p => p.TwoOfThree));
        Assert.Empty(Flagged(points, p => p.OutsideLimits || p.Shift || p.Trend));
        Assert.Equal(Variation.Improvement, Spc.Latest(points));
    }

    [Fact]
    public void A_huge_jump_is_screened_out_of_the_mean_moving_range_before_the_limits_are_set()
    {
        // 10,14 x3, 60, 14,10,14,10,14,10: mean 204/13 = 15.692.
        // MRs 4 x10 and 46 (14 to 60), 46 (60 to 14) = 132 over 12: first MRbar 11; 3.267 x 11 = 35.94, so
        // both 46s are left out and MRbar is 40/10 = 4: limits 15.692 +/- 10.64 = 5.052 to 26.332
        // (unscreened they would be 15.692 +/- 29.26 = -13.568 to 44.952). The 60 is outside either way;
        // the rest are common cause (never 7 on one side: the 60 splits the twelve below the mean in two).
        var points = Spc.Analyse(Values(10, 14, 10, 14, 10, 14, 60, 14, 10, 14, 10, 14, 10), ImprovementDirection.Increase);

        Assert.Equal(4, Spc.MeanMovingRange([10, 14, 10, 14, 10, 14, 60, 14, 10, 14, 10, 14, 10]), 9);
        Assert.Equal(26.332, points[0].Upper!.Value, 3);
        Assert.Equal(5.052, points[0].Lower!.Value, 3);
        Assert.Equal([.. Repeat(Common, 6), Better(SpecialCause.OutsideLimits), .. Repeat(Common, 6)], Classes(points));
    }

    [Fact]
    public void A_flat_series_has_a_mean_moving_range_of_0_and_no_signals()
    {
        var points = Spc.Analyse(Values(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5), ImprovementDirection.Increase);

        Assert.Equal(0, Spc.MeanMovingRange([5, 5, 5]));
        Assert.All(points, p => Assert.Equal((SpecialCause.None, Variation.CommonCause), (p.Rule, p.Variation)));
    }

    [Fact]
    public void Limits_recalculated_from_a_marked_point_start_a_new_baseline()
    {
        // 10,11 x6 then 20,21 x6. Split at 12: means 10.5 and 20.5, MRbar 1 in each, limits +/- 2.66.
        var values = Values(10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 21);

        var split = Spc.Analyse(values, ImprovementDirection.Increase, recalculateFrom: [12]);
        var whole = Spc.Analyse(values, ImprovementDirection.Increase);

        Assert.Equal(10.5, split[0].Mean!.Value, 9);
        Assert.Equal(20.5, split[23].Mean!.Value, 9);
        Assert.Equal(23.16, split[23].Upper!.Value, 9);
        Assert.All(split, p => Assert.Equal(Variation.CommonCause, p.Variation));
        Assert.Equal(15.5, whole[0].Mean!.Value, 9);
        Assert.Equal(Variation.Improvement, Spc.Latest(whole)); // one baseline: the step is a shift
    }

    [Fact]
    public void Limits_are_clamped_to_what_the_measure_can_reach_and_points_are_classed_as_before()
    {
        // Counts 0,6 x6: mean 3, MRbar 6, limits 3 +/- 15.96 = -12.96 to 18.96: the lower is drawn at 0.
        var counts = Spc.Analyse(Values(0, 6, 0, 6, 0, 6, 0, 6, 0, 6, 0, 6), ImprovementDirection.Increase, lowest: 0);
        // Shares 90,100 x6: mean 95, MRbar 10, limits 95 +/- 26.6 = 68.4 to 121.6: the upper is drawn at 100.
        var shares = Spc.Analyse(Values(90, 100, 90, 100, 90, 100, 90, 100, 90, 100, 90, 100), ImprovementDirection.Increase, lowest: 0, highest: 100);

        Assert.All(counts, p => Assert.Equal((0.0, 18.96), (p.Lower!.Value, Math.Round(p.Upper!.Value, 9))));
        Assert.All(shares, p => Assert.Equal((68.4, 100.0), (Math.Round(p.Lower!.Value, 9), p.Upper!.Value)));
        Assert.All(counts.Concat(shares), p => Assert.Equal(Variation.CommonCause, p.Variation));
    }

    [Fact]
    public void A_share_is_drawn_on_an_axis_that_stops_at_100_percent()
    {
        var measure = CultureView.Measures.Single(m => m.Key == "feedback");
        var spc = Spc.Analyse(Values(90, 100, 90, 100, 90, 100, 90, 100, 90, 100, 90, 100), measure.Direction, lowest: measure.Lowest, highest: measure.Highest);
        var points = spc.Select((p, i) => new CultureView.Point(new DateOnly(2026, 1, 1).AddMonths(i), $"M{i}", p.Value, p)).ToList();

        var svg = SpcChart.Svg(new CultureView.Series(measure, points, Spc.Latest(spc), ""), [], "chart");

        var axis = System.Text.RegularExpressions.Regex.Matches(svg, "class=\"fw-spc-axis\">([0-9.]+)</text>").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(100, axis.Max());
        Assert.Equal(0, axis.Min());
    }

    [Fact]
    public void Event_markers_are_numbered_and_events_in_neighbouring_periods_are_stacked_not_overprinted()
    {
        var measure = CultureView.Measures.Single(m => m.Key == "reports");
        var spc = Spc.Analyse(Values(10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12), measure.Direction);
        var points = spc.Select((p, i) => new CultureView.Point(new DateOnly(2026, 1, 1).AddMonths(i), $"M{i}", p.Value, p)).ToList();
        CultureView.Marker[] markers = [new(new DateOnly(2026, 3, 2), "Placed in special measures", false), new(new DateOnly(2026, 3, 20), "New chief executive", true), new(new DateOnly(2026, 4, 5), "Speak up safely campaign", false)];

        var svg = SpcChart.Svg(new CultureView.Series(measure, points, Spc.Latest(spc), ""), markers, "chart");

        var labels = System.Text.RegularExpressions.Regex.Matches(svg, "<text x=\"([0-9.]+)\" y=\"([0-9.]+)\" class=\"fw-spc-marker-text\"><title>([^<]+)</title>([0-9]+)</text>")
            .Select(m => (X: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Y: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), Title: m.Groups[3].Value, Number: m.Groups[4].Value)).ToList();
        Assert.Equal(["1", "2", "3"], labels.Select(l => l.Number));
        Assert.Equal(["Placed in special measures", "New chief executive", "Speak up safely campaign"], labels.Select(l => l.Title));
        foreach (var a in labels)
        {
            foreach (var b in labels.Where(b => b != a))
            {
                var apart = Math.Abs(a.X - b.X) >= SpcChart.MarkerLabelWidth || Math.Abs(a.Y - b.Y) >= SpcChart.MarkerLabelHeight;
                Assert.True(apart, $"{a.Number} and {b.Number} overlap");
            }
        }
    }

    [Fact]
    public void Suppressed_points_are_skipped()
    {
        var points = Spc.Analyse([10, 12, null, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12], ImprovementDirection.Increase);

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

    // 10 and 14 by turns: mean 12, mean moving range 4, limits 12 ± 10.64 (1.36 to 22.64).
    private static readonly double?[] Steady = Values(10, 14, 10, 14, 10, 14, 10, 14, 10, 14, 10, 14);

    [Theory]
    [InlineData(30, ImprovementDirection.Increase, Assurance.ConsistentlyFails)]
    [InlineData(30, ImprovementDirection.Decrease, Assurance.ConsistentlyPasses)]
    [InlineData(0.5, ImprovementDirection.Increase, Assurance.ConsistentlyPasses)]
    [InlineData(0.5, ImprovementDirection.Decrease, Assurance.ConsistentlyFails)]
    [InlineData(12, ImprovementDirection.Increase, Assurance.HitAndMiss)]
    [InlineData(12, ImprovementDirection.Decrease, Assurance.HitAndMiss)]
    [InlineData(22.64, ImprovementDirection.Increase, Assurance.HitAndMiss)]
    [InlineData(12, ImprovementDirection.Neutral, Assurance.None)]
    public void A_target_above_the_limits_below_them_or_between_them_gives_pass_fail_or_hit_and_miss_by_direction(double target, ImprovementDirection direction, Assurance expected)
    {
        var points = Spc.Analyse(Steady, direction);
        Assert.Equal(22.64, points[^1].Upper!.Value, 2);
        Assert.Equal(1.36, points[^1].Lower!.Value, 2);

        Assert.Equal(expected, Spc.Assure(points, target, direction));
    }

    [Fact]
    public void No_target_or_no_limits_yet_gives_no_assurance()
    {
        Assert.Equal(Assurance.None, Spc.Assure(Spc.Analyse(Steady, ImprovementDirection.Increase), null, ImprovementDirection.Increase));
        Assert.Equal(Assurance.None, Spc.Assure(Spc.Analyse(Values(1, 2, 3), ImprovementDirection.Increase), 2, ImprovementDirection.Increase));
    }

    [Fact]
    public void Assurance_reads_the_latest_limits_after_a_recalculation()
    {
        // Limits 1.36 to 22.64 at first; from point 12, 40 and 44 by turns: 42 ± 10.64 (31.36 to 52.64).
        var values = Values([.. Steady.Select(v => v!.Value), 40, 44, 40, 44, 40, 44, 40, 44, 40, 44, 40, 44]);
        var points = Spc.Analyse(values, ImprovementDirection.Increase, [12]);

        Assert.Equal(Assurance.ConsistentlyPasses, Spc.Assure(points, 25, ImprovementDirection.Increase));
    }
}
