using Quartz;

namespace FailingWell.Web.Infrastructure.Scheduling;

/// <summary>
/// Quartz's job listener that keeps each job's recent runs in <see cref="JobRun"/> for <c>/admin/jobs</c>
/// (decision 0107): node, start, finish, outcome and the exception's type, never its message. Keeps the
/// <see cref="KeptPerOutcome"/> newest runs of each job and, apart from them, its newest failures, so a
/// job that runs every 30 seconds does not push its last failure out within minutes.
/// </summary>
public sealed partial class JobRunRecorder(IServiceScopeFactory scopes, ILogger<JobRunRecorder> logger) : IJobListener
{
    public const int KeptPerOutcome = 20;

    public string Name => nameof(JobRunRecorder);

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.JobDetail.Key;
        try
        {
            var started = context.FireTimeUtc.UtcDateTime;
            var error = jobException is null ? null : ThrownByJob(jobException).GetType();
            var run = new JobRun
            {
                JobGroup = Fit(key.Group),
                JobName = Fit(key.Name),
                Node = Fit(context.Scheduler.SchedulerInstanceId),
                StartedAtUtc = started,
                FinishedAtUtc = started + (context.JobRunTime > TimeSpan.Zero ? context.JobRunTime : TimeSpan.Zero),
                Succeeded = error is null,
                ErrorType = error is null ? null : Fit(error.FullName ?? error.Name),
                Manual = IsManual(context.Trigger),
            };

            // Its own scope and context: nothing the job left tracked is saved by it, and nothing here reaches the job.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
            db.JobRuns.Add(run);
            await db.SaveChangesAsync(CancellationToken.None);
            var older = db.JobRuns
                .Where(r => r.JobGroup == run.JobGroup && r.JobName == run.JobName && r.Succeeded == run.Succeeded)
                .OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id)
                .Skip(KeptPerOutcome)
                .Select(r => r.Id);
            await db.JobRuns.Where(r => older.Contains(r.Id)).ExecuteDeleteAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // A history row lost is only a history row: the job's own outcome must stand.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            NotRecorded(logger, key.Group, key.Name, exception.GetType().Name);
        }
    }

    /// <summary>A run asked for with <c>TriggerJob</c>: Quartz marks its trigger so.</summary>
    public static bool IsManual(ITrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return trigger.JobDataMap.ContainsKey(SchedulerConstants.ManualTrigger);
    }

    /// <summary>What the job threw: Quartz reports it inside a JobExecutionException and a SchedulerException.</summary>
    public static Exception ThrownByJob(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        while (exception is SchedulerException && exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    private static string Fit(string text) => text.Length <= JobRun.MaxNameLength ? text : text[..JobRun.MaxNameLength];

    [LoggerMessage(EventId = 2200, Level = LogLevel.Warning, Message = "The run of job {JobGroup}.{JobName} was not recorded: {ExceptionType}")]
    private static partial void NotRecorded(ILogger logger, string jobGroup, string jobName, string exceptionType);
}
