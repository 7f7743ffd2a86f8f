using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network.Member;

namespace FailingWell.Tests.Domain.Network;

public sealed class InsularitySignalsTests
{
    // 17 months wobbling around 50 (never 7 on one side of the mean), then 7 falling in a row: a trend of
    // seven, and the last points far below the lower limit (mean ≈ 47, limits about ±6).
    private static readonly double?[] Falling = [50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 46, 43, 40, 37, 34, 31, 28];

    private static readonly double?[] Stable = [50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 51, 49, 53, 47, 50, 52, 48];

    // Anonymous share (%) steady about 20, then rising seven months in a row.
    private static readonly double?[] RisingShare = [20, 21, 19, 20, 22, 18, 20, 21, 19, 20, 22, 18, 20, 21, 19, 20, 22, 24, 26, 28, 30, 32, 34, 36];

    private static readonly double?[] SteadyShare = [20, 21, 19, 20, 22, 18, 20, 21, 19, 20, 22, 18, 20, 21, 19, 20, 22, 18, 20, 21, 19, 20, 22, 18];

    private static readonly LearningExchanged Some = new(3, 0, 1);

    [Fact]
    public void A_falling_reporting_series_raises_falling_reporting()
    {
        Assert.Equal([InsularitySignals.FallingReporting], SignalReading.Signals(Falling, SteadyShare, Some));
    }

    [Fact]
    public void A_stable_series_raises_nothing()
    {
        Assert.Empty(SignalReading.Signals(Stable, SteadyShare, Some));
    }

    [Fact]
    public void Rising_reporting_is_improvement_not_a_signal()
    {
        var rising = Falling.Select(v => 100 - v).ToArray(); // the same shape upside down: up is better
        Assert.Empty(SignalReading.Signals(rising, SteadyShare, Some));
    }

    [Fact]
    public void A_rising_anonymous_share_raises_its_signal_and_a_falling_one_does_not()
    {
        Assert.Equal([InsularitySignals.RisingAnonymousShare], SignalReading.Signals(Stable, RisingShare, Some));
        var falling = RisingShare.Select(v => 40 - v).ToArray();
        Assert.Empty(SignalReading.Signals(Stable, falling, Some));
    }

    [Fact]
    public void A_concern_long_past_is_not_a_signal_now()
    {
        // The fall happened, then reporting recovered for the latest months: only the latest 3 points count.
        double?[] recovered = [50, 52, 48, 51, 49, 53, 47, 50, 52, 20, 51, 49, 53, 47, 50, 52, 48, 51, 49, 53, 47, 50, 52, 48];
        Assert.Empty(SignalReading.Signals(recovered, SteadyShare, Some));
    }

    [Fact]
    public void No_notes_read_shared_or_adopted_in_six_months_raises_no_learning_exchanged_and_unknown_counts_raise_nothing()
    {
        Assert.Equal([InsularitySignals.NoLearningExchanged], InsularitySignals.Raise(false, false, new LearningExchanged(0, 0, 0)));
        Assert.Empty(InsularitySignals.Raise(false, false, new LearningExchanged(0, 0, 1)));
        Assert.Empty(InsularitySignals.Raise(false, false, null));
        Assert.Equal(InsularitySignals.All, InsularitySignals.Raise(true, true, new LearningExchanged(0, 0, 0)));
    }

    [Fact]
    public void Fewer_than_twelve_months_give_no_limits_and_so_no_signal()
    {
        Assert.Empty(SignalReading.Signals(Falling[^8..], SteadyShare[^8..], Some));
    }

    [Fact]
    public void Every_signal_has_plain_words_and_something_to_do()
    {
        Assert.All(InsularitySignals.All, name =>
        {
            var signal = InsularitySignals.Describe(name);
            Assert.False(string.IsNullOrWhiteSpace(signal.Title));
            Assert.False(string.IsNullOrWhiteSpace(signal.WhatToDo));
            Assert.NotEqual(name, signal.Title);
        });
    }
}
