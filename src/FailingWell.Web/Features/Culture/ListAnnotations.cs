namespace FailingWell.Web.Features.Culture;

/// <summary>The events on the timeline, oldest first, for /culture/annotations.</summary>
public static class ListAnnotations
{
    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(int Id, DateOnly On, string Text, bool RecalculateLimits);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.Annotations.AsNoTracking().OrderBy(a => a.On)
                .Select(a => new Row(a.Id, a.On, a.Text, a.RecalculateLimits))
                .ToListAsync(cancellationToken);
    }
}
