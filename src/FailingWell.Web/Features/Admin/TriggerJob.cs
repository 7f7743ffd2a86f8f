using FailingWell.Web.Infrastructure.Scheduling;
using Quartz;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// Starts a job that <see cref="RunJobNow"/> allowed and audited: Quartz's <c>TriggerJob</c>, which runs it on
/// whichever node of the cluster picks it up first. Checks again, so no other path runs an unsafe job.
/// </summary>
public static class TriggerJob
{
    public sealed record Command(JobKey Job) : IRequest<Unit>;

    public sealed class Handler(ISchedulerFactory schedulers) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var key = await SafeJobAsync(scheduler, $"{request.Job.Group}.{request.Job.Name}", cancellationToken)
                ?? throw RequestValidationException.For(request, "", RunJobNow.NotSafe);
            await scheduler.TriggerJob(key, cancellationToken);
            return Unit.Value;
        }
    }

    /// <summary>The key "group.name" names, or null when it names none.</summary>
    public static JobKey? KeyOf(string? job)
    {
        var dot = job?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return job is null || dot <= 0 || dot == job.Length - 1 ? null : new JobKey(job[(dot + 1)..], job[..dot]);
    }

    /// <summary>The job "group.name" names, when the scheduler holds it and it is safe to run now; otherwise null.</summary>
    public static async Task<JobKey?> SafeJobAsync(IScheduler scheduler, string? job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (KeyOf(job) is not { } key)
        {
            return null;
        }

        var detail = await scheduler.GetJobDetail(key, cancellationToken);
        return detail is not null && SafeToRunNowAttribute.IsOn(detail.JobType.Type) ? key : null;
    }
}
