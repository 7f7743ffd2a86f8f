namespace FailingWell.Web.Features.Lfpse.Admin;

/// <summary>
/// The LFPSE outbox for admins: each request with its state, newest first, and the counts per state.
/// A row shows the report's reference (admins may open the report page) and what LFPSE answered; never
/// the payload, which holds the report's text.
/// </summary>
public static class LfpseSubmissions
{
    public const int PageSize = 50;

    public sealed record Query(LfpseState? State, int Page) : IRequest<Result>;

    public sealed record Row(
        Guid Id, int ReportId, string Reference, LfpseOperation Operation, LfpseState State, int Attempts, int? LastHttpStatus,
        string? Messages, DateTime? SentAtUtc, DateTime NextAttemptAtUtc, string? LfpseReference, bool HasLfpseId);

    public sealed record Result(IReadOnlyList<Row> Rows, IReadOnlyDictionary<LfpseState, int> Counts, int Page, int Pages)
    {
        public int Count(LfpseState state) => Counts.GetValueOrDefault(state);
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var counts = await db.LfpseOutbox.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            var items = db.LfpseOutbox.AsNoTracking();
            if (request.State is { } state)
            {
                items = items.Where(i => i.Status == state);
            }

            var total = await items.CountAsync(cancellationToken);
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(request.Page, 1, pages);
            var rows = await (
                    from i in items
                    join r in db.Reports on i.ReportId equals r.Id
                    join e in db.LfpseEvents on i.ReportId equals e.ReportId into events
                    from e in events.DefaultIfEmpty()
                    orderby i.Sequence descending
                    select new Row(i.Id, i.ReportId, r.Reference, i.Operation, i.Status, i.Attempts, i.LastHttpStatus, i.Messages, i.SentAtUtc,
                        i.NextAttemptAtUtc, e == null ? null : e.LfpseReference, e != null && e.LfpseId != null))
                .Skip((page - 1) * PageSize).Take(PageSize)
                .ToListAsync(cancellationToken);
            return new Result(rows, counts, page, pages);
        }
    }
}
