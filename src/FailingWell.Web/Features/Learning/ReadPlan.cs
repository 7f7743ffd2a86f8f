namespace FailingWell.Web.Features.Learning;

/// <summary>The response plan in force, and every earlier version of it.</summary>
public static class ReadPlan
{
    public sealed record Query(int? Version = null) : IRequest<View>;

    public sealed record VersionItem(int Id, int Number, DateOnly SavedOn, string? SavedBy, string? ChangeNote);

    /// <param name="Shown">The version asked for (the current one by default).</param>
    public sealed record View(ResponsePlanVersion Shown, ResponsePlan Plan, bool IsCurrent, IReadOnlyList<VersionItem> Versions, IReadOnlyList<string> Categories);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, View>
    {
        public async Task<View> Handle(Query request, CancellationToken cancellationToken)
        {
            var versions = await db.ResponsePlanVersions.AsNoTracking().OrderByDescending(v => v.Number)
                .Select(v => new VersionItem(v.Id, v.Number, v.SavedOn, v.SavedBy, v.ChangeNote)).ToListAsync(cancellationToken);
            var shown = request.Version is { } number
                ? await db.ResponsePlanVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, cancellationToken)
                : null;
            shown ??= await LearningResponses.CurrentPlanAsync(db, cancellationToken);
            var categories = await db.Categories.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync(cancellationToken);
            return new View(shown, shown.Plan, shown.Number == versions[0].Number, versions, categories);
        }
    }
}
