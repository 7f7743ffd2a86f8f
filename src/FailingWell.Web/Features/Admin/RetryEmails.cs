using FailingWell.Web.Infrastructure.Email;

namespace FailingWell.Web.Features.Admin;

/// <summary>Puts failed emails (one, or all) back in the queue with a fresh set of attempts.</summary>
public static class RetryEmails
{
    public sealed class Command : Change<int>
    {
        /// <summary>One email, or every failed one when empty.</summary>
        public Guid? EmailId { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var emails = db.OutboxEmails.Where(e => e.Status == OutboxEmailStatus.Failed
                || (request.EmailId != null && e.Status == OutboxEmailStatus.Queued));
            if (request.EmailId is { } id)
            {
                emails = emails.Where(e => e.Id == id);
            }

            var retried = await emails.ExecuteUpdateAsync(u => u
                .SetProperty(e => e.Status, OutboxEmailStatus.Queued)
                .SetProperty(e => e.Attempts, 0)
                // An email held to the end of a time band (decision 0092) is never sent sooner by a retry.
                .SetProperty(e => e.NextAttemptAtUtc, e => e.CreatedAtUtc > now ? e.CreatedAtUtc : now), cancellationToken);
            request.AuditAction = request.EmailId is null ? $"Retried {retried} failed emails" : $"Retried email {request.EmailId}";
            return retried;
        }
    }
}
