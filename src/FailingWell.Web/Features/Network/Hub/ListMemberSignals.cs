using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Hub;

/// <summary>
/// Hub: the members that shared insularity signals, with them and any open offer. A member that has not
/// consented is not listed at all: the hub holds nothing about it.
/// </summary>
public static class ListMemberSignals
{
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(int MemberId, string Name, string OrganisationType, IReadOnlyList<(InsularitySignal Signal, DateOnly RaisedOn)> Signals, int OpenOffers);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var signals = await db.HubSignals.AsNoTracking().ToListAsync(cancellationToken);
            var ids = signals.Select(s => s.MemberId).Distinct().ToList();
            var members = await db.Set<HubMember>().AsNoTracking().Where(m => ids.Contains(m.Id) && m.RevokedOn == null)
                .Select(m => new { m.Id, m.Name, m.OrganisationType }).ToListAsync(cancellationToken);
            var open = await db.PeerSupportOffers.AsNoTracking().Where(o => ids.Contains(o.MemberId) && o.Status == SupportStatus.Offered)
                .GroupBy(o => o.MemberId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            return [.. members.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new Row(m.Id, m.Name, m.OrganisationType,
                [.. signals.Where(s => s.MemberId == m.Id).OrderBy(s => InsularitySignals.All.ToList().IndexOf(s.Signal)).Select(s => (InsularitySignals.Describe(s.Signal), s.RaisedOn))],
                open.GetValueOrDefault(m.Id)))];
        }
    }
}
