using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>Member: the peer support the network's coordinator offered, newest first, with any review.</summary>
public static class ListSupportOffers
{
    public sealed record Query : IRequest<IReadOnlyList<SupportOffer>>;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<SupportOffer>>
    {
        public async Task<IReadOnlyList<SupportOffer>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.SupportOffers.AsNoTracking().OrderByDescending(o => o.OfferId).ToListAsync(cancellationToken);
    }
}
