namespace FailingWell.Web.Features.Admin;

/// <summary>Stops one subscription.</summary>
public static class RemoveSubscription
{
    public sealed class Command : Change<Unit>
    {
        public int SubscriptionId { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var subscription = await db.DigestSubscriptions.SingleOrRefuseAsync(s => s.Id == request.SubscriptionId,
                request, "That subscription no longer exists.", cancellationToken);
            db.DigestSubscriptions.Remove(subscription);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"Removed a {subscription.Stream.Describe()} digest subscription for {subscription.ScopeKey}";
            return Unit.Value;
        }
    }
}
