using System.Diagnostics;
using System.Diagnostics.Metrics;
using Quartz;

namespace FailingWell.Web.Infrastructure.Telemetry;

/// <summary>
/// A span per Quartz job execution (a new trace, not a child of whatever was current) and a
/// duration per job and outcome. Jobs run on a schedule, never at a reporter's act.
/// </summary>
public sealed class JobTelemetryListener : IJobListener, IDisposable
{
    // By the firing's id: the listener is shared by every running job.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Activity> _running = new();
    private readonly Meter _meter;
    private readonly Histogram<double> _duration;

    public JobTelemetryListener(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(FailingWellTelemetry.JobsMeterName);
        _duration = _meter.CreateHistogram<double>("failingwell.job.duration", unit: "s", description: "Duration of scheduled job executions");
    }

    public string Name => "failingwell-telemetry";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.JobDetail.Key;
        var activity = FailingWellTelemetry.Source.StartActivity($"job {key.Group}.{key.Name}", ActivityKind.Internal, parentContext: default);
        activity?.SetTag("job.group", key.Group);
        activity?.SetTag("job.name", key.Name);
        activity?.SetTag("job.node", context.Scheduler.SchedulerInstanceId);
        if (activity is not null)
        {
            _running[context.FireInstanceId] = activity;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_running.TryRemove(context.FireInstanceId, out var activity))
        {
            activity.Stop();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.JobDetail.Key;
        var outcome = jobException is null ? "succeeded" : "failed";
        _duration.Record(context.JobRunTime.TotalSeconds, new("job.name", $"{key.Group}.{key.Name}"), new("job.outcome", outcome));
        if (_running.TryRemove(context.FireInstanceId, out var activity))
        {
            if (jobException is not null)
            {
                // The type only, of the job's own exception: messages can quote data.
                activity.SetStatus(ActivityStatusCode.Error, (jobException.InnerException ?? jobException).GetType().Name);
            }

            activity.Stop();
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose() => _meter.Dispose();
}
