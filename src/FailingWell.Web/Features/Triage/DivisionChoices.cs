namespace FailingWell.Web.Features.Triage;

/// <summary>The divisions a lead can filter or route by, in the admins' order.</summary>
public static class DivisionChoices
{
    public sealed record Query : IRequest<IReadOnlyList<(int Id, string Name)>>;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<(int Id, string Name)>>
    {
        public async Task<IReadOnlyList<(int Id, string Name)>> Handle(Query request, CancellationToken cancellationToken) =>
            (await db.Divisions.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken))
                .Select(d => (d.Id, d.Name)).ToList();
    }
}
