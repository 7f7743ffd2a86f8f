using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FailingWell.Web.Infrastructure.Telemetry;

/// <summary>The activity source and meters of FailingWell's own spans and instruments.</summary>
public static class FailingWellTelemetry
{
    public const string SourceName = "FailingWell";
    public const string DatabaseMeterName = "FailingWell.Database";
    public const string OutboxMeterName = "FailingWell.Outbox";
    public const string JobsMeterName = "FailingWell.Jobs";

    public static readonly ActivitySource Source = new(SourceName);
}

/// <summary>Emails sent and failed by the outbox: jobs' work, never a reporter's act (anonymous emails wait for the band's end, 0092).</summary>
public sealed class OutboxMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;

    public OutboxMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(FailingWellTelemetry.OutboxMeterName);
        _sent = _meter.CreateCounter<long>("failingwell.outbox.sent", description: "Emails sent by the outbox");
        _failed = _meter.CreateCounter<long>("failingwell.outbox.failed", description: "Email delivery attempts that failed");
    }

    public void Delivered(int sent, int failed)
    {
        if (sent > 0)
        {
            _sent.Add(sent);
        }

        if (failed > 0)
        {
            _failed.Add(failed);
        }
    }

    public void Dispose() => _meter.Dispose();
}

/// <summary>
/// Switches for the separate guards that keep the anonymous journey out of telemetry. All are on;
/// tests turn one off at a time to show what each one catches that the others do not.
/// </summary>
public sealed class TelemetryGuards
{
    /// <summary>The ASP.NET Core instrumentation's filter, by path.</summary>
    internal bool RequestFilter { get; set; } = true;

    /// <summary>The mediator's mark on the trace of an <see cref="Mediation.IAnonymousJourney"/> request.</summary>
    internal bool MediatorMark { get; set; } = true;

    /// <summary>The processor that unrecords anything under a marked request.</summary>
    internal bool SpanProcessor { get; set; } = true;

    /// <summary>The per-request mark and the framework's per-request metrics switched off, by path.</summary>
    internal bool RequestMark { get; set; } = true;
}
