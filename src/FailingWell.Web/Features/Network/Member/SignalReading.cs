using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Culture;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// Reads a monthly series with Making Data Count's rules (<see cref="Spc"/>) for the insularity signals:
/// special cause concern in any of the latest <see cref="InsularitySignals.LatestPoints"/> points.
/// </summary>
public static class SignalReading
{
    public static bool ConcernInLatest(IReadOnlyList<double?> values, ImprovementDirection direction, double highest = double.PositiveInfinity)
    {
        ArgumentNullException.ThrowIfNull(values);
        var points = Spc.Analyse(values, direction, lowest: 0, highest: highest);
        return points.Where(p => p.Value is not null).TakeLast(InsularitySignals.LatestPoints).Any(p => p.Variation == Variation.Concern);
    }

    /// <summary>The signals from a reporting series (rate, or count without bed days) and an anonymous share series (%).</summary>
    public static IReadOnlyList<string> Signals(IReadOnlyList<double?> reporting, IReadOnlyList<double?> anonymousShare, LearningExchanged? learning) =>
        InsularitySignals.Raise(
            ConcernInLatest(reporting, ImprovementDirection.Increase),
            ConcernInLatest(anonymousShare, ImprovementDirection.Decrease, 100),
            learning);
}
