namespace FailingWell.Web.Features.Culture;

/// <summary>The organisation's own peer group and the groups imported so far, for /culture/peers.</summary>
public static class ListPeerGroups
{
    public sealed record Query : IRequest<Result>;

    public sealed record Row(string Group, int Organisations, DateOnly Latest);

    public sealed record Result(string? PeerGroup, IReadOnlyList<Row> Groups);

    public sealed class Handler(FailingWellDbContext db, Microsoft.Extensions.Options.IOptions<CultureSettings> settings) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var groups = await db.PeerRates.AsNoTracking().GroupBy(p => p.PeerGroup)
                .Select(g => new Row(g.Key, g.Select(p => p.Organisation).Distinct().Count(), g.Max(p => p.Month)))
                .ToListAsync(cancellationToken);
            return new Result(settings.Value.PeerGroup, groups);
        }
    }
}
