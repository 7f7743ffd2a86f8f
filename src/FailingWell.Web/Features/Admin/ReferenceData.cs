namespace FailingWell.Web.Features.Admin;

/// <summary>The four lists as the reference data page shows them, in their order, retired items included.</summary>
public static class ReferenceData
{
    public sealed record Query : IRequest<View>;

    public sealed record Item(int Id, string Name, bool IsRetired, string? Detail);

    public sealed record View(IReadOnlyList<Item> Divisions, IReadOnlyList<(Item Division, IReadOnlyList<Item> Locations)> Locations, IReadOnlyList<Item> Categories, IReadOnlyList<Item> StaffGroups);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, View>
    {
        public async Task<View> Handle(Query request, CancellationToken cancellationToken)
        {
            var divisions = await db.Divisions.AsNoTracking().Include(d => d.Locations).OrderBy(d => d.SortOrder).ThenBy(d => d.Id).ToListAsync(cancellationToken);
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
            var groups = await db.StaffGroups.AsNoTracking().OrderBy(g => g.SortOrder).ThenBy(g => g.Id).ToListAsync(cancellationToken);
            return new View(
                [.. divisions.Select(d => new Item(d.Id, d.Name, d.IsRetired, null))],
                [.. divisions.Select(d => (new Item(d.Id, d.Name, d.IsRetired, null),
                    (IReadOnlyList<Item>)[.. d.Locations.OrderBy(l => l.SortOrder).ThenBy(l => l.Id).Select(l => new Item(l.Id, l.Name, l.IsRetired, null))]))],
                [.. categories.Select(c => new Item(c.Id, c.Name, c.IsRetired, c.DefaultStream.Describe()))],
                [.. groups.Select(g => new Item(g.Id, g.Name, g.IsRetired, g.IsNonClinical ? "Non-clinical" : null))]);
        }
    }
}
