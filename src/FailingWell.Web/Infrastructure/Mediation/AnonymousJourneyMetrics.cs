using System.Diagnostics.Metrics;
using FailingWell.Web.Domain;

namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// Counts of the anonymous journey's requests, for monitoring, published only as totals of ended UK
/// time bands (decision 0108). A counter that went up at the moment of a submission would date it to
/// the collector's export interval; these totals change only when a band ends (07:00, 12:00, 17:00,
/// 22:00 UK time), so what they say of an act is the band it fell in, as much as a report itself keeps.
/// </summary>
public sealed class AnonymousJourneyMetrics : IDisposable
{
    public const string MeterName = "FailingWell.AnonymousJourney";

    private readonly Meter _meter;
    private readonly UkTime _uk;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    // Counts of bands not yet ended, by the UTC end of their band; moved to the totals once it passes.
    private readonly Dictionary<DateTime, Dictionary<(string Outcome, string Request), long>> _open = [];
    private readonly Dictionary<(string Outcome, string Request), long> _ended = [];

    public AnonymousJourneyMetrics(IMeterFactory meters, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _clock = clock;
        _uk = new UkTime(clock);
        _meter = meters.Create(MeterName);
        _meter.CreateObservableCounter("failingwell.anonymous.handled", () => Observe("handled"), description: "Anonymous journey requests handled, in UK time bands that have ended");
        _meter.CreateObservableCounter("failingwell.anonymous.failed", () => Observe("failed"), description: "Anonymous journey requests that failed, in UK time bands that have ended");
    }

    public void Handled(string request) => Add("handled", request);

    public void Failed(string request) => Add("failed", request);

    private void Add(string outcome, string request)
    {
        var bandEnd = _uk.EndOfBandUtc;
        lock (_lock)
        {
            if (!_open.TryGetValue(bandEnd, out var counts))
            {
                _open[bandEnd] = counts = [];
            }

            counts[(outcome, request)] = counts.GetValueOrDefault((outcome, request)) + 1;
        }
    }

    private List<Measurement<long>> Observe(string outcome)
    {
        var nowUtc = _clock.GetUtcNow().UtcDateTime;
        lock (_lock)
        {
            foreach (var bandEnd in _open.Keys.Where(end => end <= nowUtc).ToList())
            {
                foreach (var (key, count) in _open[bandEnd])
                {
                    _ended[key] = _ended.GetValueOrDefault(key) + count;
                }

                _open.Remove(bandEnd);
            }

            return _ended
                .Where(pair => pair.Key.Outcome == outcome)
                .Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("request", pair.Key.Request)))
                .ToList();
        }
    }

    public void Dispose() => _meter.Dispose();
}
