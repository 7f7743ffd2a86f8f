using FailingWell.Web.Infrastructure.Email;
using Quartz;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// Runs the outbox delivery job now rather than at its next scheduled time. Sent after the change
/// that queued the emails has committed, so the job sees them.
/// </summary>
public static class DeliverEmailsNow
{
    public sealed record Command : IRequest<Unit>;

    public sealed class Handler(ISchedulerFactory schedulers) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.TriggerJob(OutboxDeliveryJob.Key, cancellationToken);
            return Unit.Value;
        }
    }
}
