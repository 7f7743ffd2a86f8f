using FailingWell.Web.Infrastructure.Scheduling;
using Quartz;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// An admin asks for a job to run now: refused unless the job is marked <see cref="SafeToRunNowAttribute"/>
/// (a second run sends nothing twice: decision 0107), and audited. The run itself is started by
/// <see cref="TriggerJob"/> once this has committed (on SQLite the scheduler's write waits for this one's).
/// </summary>
public static class RunJobNow
{
    public const string NotSafe = "That job cannot be run from here: a second run could send something twice. It runs on its schedule.";

    public sealed class Command : Change<JobKey>
    {
        /// <summary>The job as "group.name", as the jobs page lists it.</summary>
        public string? Job { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Job).NotEmpty().WithMessage("Choose a job to run");
    }

    public sealed class Handler(ISchedulerFactory schedulers) : IRequestHandler<Command, JobKey>
    {
        public async Task<JobKey> Handle(Command request, CancellationToken cancellationToken)
        {
            var key = await TriggerJob.SafeJobAsync(await schedulers.GetScheduler(cancellationToken), request.Job, cancellationToken)
                ?? throw RequestValidationException.For(request, nameof(Command.Job), NotSafe);
            request.AuditAction = $"Ran scheduled job {key.Group}.{key.Name} now";
            return key;
        }
    }
}
