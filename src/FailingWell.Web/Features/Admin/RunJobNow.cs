using FailingWell.Web.Infrastructure.Scheduling;
using Quartz;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// An admin asks for a job to run now: refused unless the job is marked <see cref="SafeToRunNowAttribute"/>
/// (a second run sends nothing twice: decision 0107), and audited. The run itself is started, or refused, by
/// <see cref="TriggerJob"/> once this has committed (on SQLite the scheduler's own connection waits for this one's).
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

    public sealed class Handler : IRequestHandler<Command, JobKey>
    {
        // Only the ask is recorded here: the scheduler is not read inside this command's transaction (on
        // SQLite its own connection would wait for this transaction, which waits for it). TriggerJob,
        // after the commit, refuses a job that is not safe to run now.
        public Task<JobKey> Handle(Command request, CancellationToken cancellationToken)
        {
            var key = TriggerJob.KeyOf(request.Job) ?? throw RequestValidationException.For(request, nameof(Command.Job), NotSafe);
            request.AuditAction = $"Asked for scheduled job {key.Group}.{key.Name} to run now";
            return Task.FromResult(key);
        }
    }
}
