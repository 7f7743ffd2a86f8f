namespace FailingWell.Web.Features.Digests;

/// <summary>One pack as it was built: its period, when it was built and what it holds.</summary>
public static class ReadDigest
{
    public sealed record Query(int Id) : IRequest<Result?>;

    public sealed record Result(int Id, string PeriodKey, DateTime BuiltAtUtc, DigestContent Pack);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var digest = await db.Digests.AsNoTracking().Where(d => d.Id == request.Id)
                .Select(d => new { d.Id, d.PeriodKey, d.BuiltAtUtc, d.Content })
                .SingleOrDefaultAsync(cancellationToken);
            return digest is null ? null : new Result(digest.Id, digest.PeriodKey, digest.BuiltAtUtc, DigestContent.FromJson(digest.Content));
        }
    }
}
