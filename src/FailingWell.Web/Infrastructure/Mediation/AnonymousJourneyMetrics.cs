using System.Diagnostics.Metrics;

namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// Counts of the anonymous journey's requests, for monitoring: a counter is a running total read by
/// whoever collects it, and carries no event times.
/// </summary>
public sealed class AnonymousJourneyMetrics : IDisposable
{
    public const string MeterName = "FailingWell.AnonymousJourney";

    private readonly Meter _meter;
    private readonly Counter<long> _handled;
    private readonly Counter<long> _failed;

    public AnonymousJourneyMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _handled = _meter.CreateCounter<long>("failingwell.anonymous.handled", description: "Anonymous journey requests handled");
        _failed = _meter.CreateCounter<long>("failingwell.anonymous.failed", description: "Anonymous journey requests that failed");
    }

    public void Handled(string request) => _handled.Add(1, new KeyValuePair<string, object?>("request", request));

    public void Failed(string request) => _failed.Add(1, new KeyValuePair<string, object?>("request", request));

    public void Dispose() => _meter.Dispose();
}
