using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Hub;

/// <summary>
/// Hub → member pull: every current member's suppressed months (name, type, months), the asking member's
/// own marked <see cref="PeerOrganisation.IsYou"/>. Revoked members are left out.
/// </summary>
public static class PeerAggregatesForMember
{
    public sealed record Query(int MemberId) : IRequest<IReadOnlyList<PeerOrganisation>>;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<PeerOrganisation>>
    {
        public async Task<IReadOnlyList<PeerOrganisation>> Handle(Query request, CancellationToken cancellationToken)
        {
            var members = await db.Set<HubMember>().AsNoTracking().Where(m => m.RevokedOn == null)
                .Select(m => new { m.Id, m.Name, m.OrganisationType }).ToListAsync(cancellationToken);
            var ids = members.Select(m => m.Id).ToList();
            var months = (await db.HubAggregates.AsNoTracking().Where(a => ids.Contains(a.MemberId)).ToListAsync(cancellationToken))
                .ToLookup(a => a.MemberId);
            return [.. members.Where(m => months[m.Id].Any()).OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new PeerOrganisation(
                m.Name, m.OrganisationType, m.Id == request.MemberId,
                [.. months[m.Id].OrderBy(a => a.Month).Select(a => new MonthlyAggregate(PeerMessageKinds.MonthKey(a.Month), a.Reports, a.BedDays, a.NoOrLowHarm, a.NearMisses, a.Anonymous))]))];
        }
    }
}
