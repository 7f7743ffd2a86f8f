namespace FailingWell.Web.Features.Admin;

/// <summary>Who receives which stream's digest for which scope.</summary>
public static class Subscriptions
{
    public const string WholeOrganisation = "Whole organisation";

    public sealed record Row(int Id, string Person, GovernanceStream Stream, string Scope);

    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => Digest.DivisionScope(d.Id), d => d.Name, cancellationToken);
            var rows = await (from s in db.DigestSubscriptions
                              join u in db.Users.OfType<StaffAccount>() on s.AccountId equals u.Id
                              orderby u.DisplayName
                              select new { s.Id, u.DisplayName, s.Stream, s.ScopeKey }).ToListAsync(cancellationToken);
            return [.. rows.Select(r => new Row(r.Id, r.DisplayName, r.Stream, r.ScopeKey == Digest.OrganisationScope ? WholeOrganisation : divisions.GetValueOrDefault(r.ScopeKey, r.ScopeKey)))];
        }
    }
}
