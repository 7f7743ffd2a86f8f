namespace FailingWell.Web.Features.Culture;

/// <summary>The divisions to choose from and the latest denominators, for /culture/denominators.</summary>
public static class ListDenominators
{
    public sealed record Query : IRequest<Result>;

    public sealed record Division(int Id, string Name);

    public sealed record Row(string Division, RateBasis Basis, DateOnly Month, int? BedDays, decimal? Staff);

    public sealed record Result(IReadOnlyList<Division> Divisions, IReadOnlyList<Row> Latest);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var divisions = await db.Divisions.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new Division(d.Id, d.Name)).ToListAsync(cancellationToken);
            var latest = await db.Denominators.AsNoTracking().Join(db.Divisions, d => d.DivisionId, v => v.Id, (d, v) => new { v.Name, v.RateBasis, d.Month, d.BedDays, d.StaffWte })
                .OrderByDescending(x => x.Month).ThenBy(x => x.Name).Take(60)
                .Select(x => new Row(x.Name, x.RateBasis, x.Month, x.BedDays, x.StaffWte))
                .ToListAsync(cancellationToken);
            return new Result(divisions, latest);
        }
    }
}
