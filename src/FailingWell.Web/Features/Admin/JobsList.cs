using FailingWell.Web.Infrastructure.Scheduling;
using Quartz;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// Every scheduled job as the scheduler holds it (its triggers, schedules and next runs, in UK time) beside
/// its recent runs from <see cref="JobRun"/>: node, start, duration, outcome and, for a failure, the
/// exception's type only (decision 0107).
/// </summary>
public static class JobsList
{
    /// <summary>The runs shown under each job; the table keeps more (<see cref="JobRunRecorder.KeptPerOutcome"/>).</summary>
    public const int RunsShown = 10;

    public sealed record Query : IRequest<Result>;

    public sealed record Run(string Node, DateTime StartedAtUtc, TimeSpan Duration, bool Succeeded, string? ErrorType, bool Manual);

    public sealed record Job(string Group, string Name, string JobType, IReadOnlyList<string> Schedules, DateTime? NextRunUtc, bool Paused, bool SafeToRunNow, IReadOnlyList<Run> Runs)
    {
        public string Key => $"{Group}.{Name}";
    }

    public sealed record Failure(string Job, Run Run);

    public sealed record Result(string ThisNode, bool Clustered, IReadOnlyList<string> NodesSeen, IReadOnlyList<Job> Jobs, IReadOnlyList<Failure> Failures);

    public sealed class Handler(ISchedulerFactory schedulers, FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var metadata = await scheduler.GetMetadata(cancellationToken);
            var runs = (await db.JobRuns.AsNoTracking().ToListAsync(cancellationToken))
                .OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.FinishedAtUtc).ToList();
            var jobs = new List<Job>();
            foreach (var key in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken)).OrderBy(k => k.Group, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal))
            {
                var detail = await scheduler.GetJobDetail(key, cancellationToken);
                if (detail is null)
                {
                    continue;
                }

                var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
                var schedules = new List<string>();
                var paused = triggers.Count > 0;
                foreach (var trigger in triggers.Where(t => !JobRunRecorder.IsManual(t)))
                {
                    schedules.Add(ScheduleText.Describe(trigger));
                    paused &= await scheduler.GetTriggerState(trigger.Key, cancellationToken) == TriggerState.Paused;
                }

                var next = triggers.Where(t => !JobRunRecorder.IsManual(t)).Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min()?.UtcDateTime;
                var mine = runs.Where(r => r.JobGroup == key.Group && r.JobName == key.Name).Take(RunsShown).Select(ToRun).ToList();
                jobs.Add(new Job(key.Group, key.Name, detail.JobType.Type.Name, schedules, next, paused && schedules.Count > 0, SafeToRunNowAttribute.IsOn(detail.JobType.Type), mine));
            }

            var failures = runs.Where(r => !r.Succeeded).Select(r => new Failure($"{r.JobGroup}.{r.JobName}", ToRun(r))).ToList();
            var nodes = runs.Select(r => r.Node).Append(metadata.SchedulerInstanceId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return new Result(metadata.SchedulerInstanceId, metadata.JobStoreClustered, nodes, jobs, failures);
        }

        private static Run ToRun(JobRun r) => new(r.Node, r.StartedAtUtc, r.FinishedAtUtc - r.StartedAtUtc, r.Succeeded, r.ErrorType, r.Manual);
    }
}
