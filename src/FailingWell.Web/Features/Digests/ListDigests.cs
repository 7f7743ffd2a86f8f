namespace FailingWell.Web.Features.Digests;

/// <summary>The packs for a scope (and, if chosen, a stream), newest first, and the scopes to choose from.</summary>
public static class ListDigests
{
    public sealed record Query(GovernanceStream? Stream, string? Scope) : IRequest<Result>;

    public sealed record Row(int Id, GovernanceStream Stream, PeriodKind PeriodKind, string PeriodKey, string ScopeName, int Total);

    public sealed record Result(IReadOnlyList<Row> Digests, IReadOnlyList<(string Key, string Name)> Scopes);

    public const int Most = 200;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var digests = db.Digests.AsNoTracking();
            if (request.Stream is { } stream)
            {
                digests = digests.Where(d => d.Stream == stream);
            }

            var scope = string.IsNullOrEmpty(request.Scope) ? Digest.OrganisationScope : request.Scope;
            var rows = await digests.Where(d => d.ScopeKey == scope)
                .OrderByDescending(d => d.PeriodStart).ThenBy(d => d.PeriodKind).ThenBy(d => d.Stream)
                .Take(Most)
                .Select(d => new Row(d.Id, d.Stream, d.PeriodKind, d.PeriodKey, d.ScopeName, d.Total))
                .ToListAsync(cancellationToken);
            var divisions = await db.Divisions.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
            return new Result(rows, [(Digest.OrganisationScope, "Whole organisation"), .. divisions.Select(d => (Digest.DivisionScope(d.Id), d.Name))]);
        }
    }
}
