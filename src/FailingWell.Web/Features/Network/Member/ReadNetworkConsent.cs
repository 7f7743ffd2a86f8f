namespace FailingWell.Web.Features.Network.Member;

/// <summary>Whether consent to share the insularity signals is on, for the admins' consent page.</summary>
public static class ReadNetworkConsent
{
    public sealed record Query : IRequest<bool>;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, bool>
    {
        public Task<bool> Handle(Query request, CancellationToken cancellationToken) => NetworkConsent.ReadAsync(db, cancellationToken);
    }
}
