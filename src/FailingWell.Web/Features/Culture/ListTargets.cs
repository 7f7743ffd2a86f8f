namespace FailingWell.Web.Features.Culture;

/// <summary>Every measure with its target, for the admins' targets page.</summary>
public static class ListTargets
{
    public sealed record Row(CultureView.Measure Measure, double? Target);

    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var targets = await CultureTargets.ReadAsync(db, cancellationToken);
            return [.. CultureView.Measures.Select(m => new Row(m, targets.TryGetValue(m.Key, out var t) ? t : null))];
        }
    }
}
