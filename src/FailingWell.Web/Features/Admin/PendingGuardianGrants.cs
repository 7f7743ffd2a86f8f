namespace FailingWell.Web.Features.Admin;

/// <summary>Requests for the Guardian role waiting for approval, and the grants of the last 90 days.</summary>
public static class PendingGuardianGrants
{
    public sealed record Query : IRequest<IReadOnlyList<GuardianGrants.Pending>>;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<GuardianGrants.Pending>>
    {
        public Task<IReadOnlyList<GuardianGrants.Pending>> Handle(Query request, CancellationToken cancellationToken) =>
            GuardianGrants.PendingAsync(db, cancellationToken);
    }

    public sealed record RecentQuery : IRequest<IReadOnlyList<GuardianGrants.Granted>>;

    public sealed class RecentHandler(FailingWellDbContext db, TimeProvider clock) : IRequestHandler<RecentQuery, IReadOnlyList<GuardianGrants.Granted>>
    {
        public Task<IReadOnlyList<GuardianGrants.Granted>> Handle(RecentQuery request, CancellationToken cancellationToken) =>
            GuardianGrants.RecentAsync(db, clock.GetUtcNow().UtcDateTime.AddDays(-90), cancellationToken);
    }
}
