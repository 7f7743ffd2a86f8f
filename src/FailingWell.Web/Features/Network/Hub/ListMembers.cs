namespace FailingWell.Web.Features.Network.Hub;

/// <summary>Hub side: the network's members, for its coordinator.</summary>
public static class ListMembers
{
    public sealed record Query : IRequest<IReadOnlyList<Member>>;

    public sealed record Member(int Id, string Name, string OrganisationType, DateTimeOffset IssuedOn, DateTimeOffset? RevokedOn, int Notes);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<Member>>
    {
        public async Task<IReadOnlyList<Member>> Handle(Query request, CancellationToken cancellationToken)
        {
            var members = await db.HubMembers.AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);
            var notes = await db.HubNotes.AsNoTracking().GroupBy(n => n.AuthorMemberId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            return [.. members.Select(m => new Member(m.Id, m.Name, m.OrganisationType, m.IssuedOn, m.RevokedOn, notes.GetValueOrDefault(m.Id)))];
        }
    }
}
