namespace FailingWell.Web.Features.Import;

/// <summary>The systems whose mapping is saved.</summary>
public static class ListMappings
{
    public sealed record Query : IRequest<IReadOnlyList<string>>;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<string>>
    {
        public async Task<IReadOnlyList<string>> Handle(Query request, CancellationToken cancellationToken) =>
            await db.ImportMappings.AsNoTracking().OrderBy(m => m.SourceSystem).Select(m => m.SourceSystem).ToListAsync(cancellationToken);
    }
}
