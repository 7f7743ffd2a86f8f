namespace FailingWell.Web.Features.Network.Hub;

/// <summary>Hub → member pull: the peer support offered to that member, its replies and any peer review.</summary>
public static class SupportOffersForMember
{
    public sealed record Query(int MemberId) : IRequest<IReadOnlyList<SupportOfferSummary>>;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<SupportOfferSummary>>
    {
        public async Task<IReadOnlyList<SupportOfferSummary>> Handle(Query request, CancellationToken cancellationToken)
        {
            var offers = await db.PeerSupportOffers.AsNoTracking().Where(o => o.MemberId == request.MemberId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
            return [.. offers.Select(o => new SupportOfferSummary(o.Id, o.OfferedOn, o.Offer, o.Status.ToString(), o.RepliedOn, o.ReviewStartsOn, o.ReviewEndsOn, o.Findings))];
        }
    }
}
