using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Hub;

/// <summary>Hub: every offer of peer support with its member, status and review, newest first.</summary>
public static class ListHubOffers
{
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(PeerSupportOffer Offer, string MemberName);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var offers = await db.PeerSupportOffers.AsNoTracking().OrderByDescending(o => o.Id).ToListAsync(cancellationToken);
            var ids = offers.Select(o => o.MemberId).Distinct().ToList();
            var names = await db.Set<HubMember>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
            return [.. offers.Select(o => new Row(o, names.GetValueOrDefault(o.MemberId) ?? "A former member"))];
        }
    }
}
