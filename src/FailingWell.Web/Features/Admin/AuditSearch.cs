namespace FailingWell.Web.Features.Admin;

/// <summary>Searches the audit log by person, report reference and date, a page at a time.</summary>
public static class AuditSearch
{
    public const int PageSize = 100;

    public sealed record Query(AuditFilter Filter) : IRequest<Result>;

    /// <param name="AboutSpeakUpCases">How many entries, in all, are about speak-up cases and not listed.</param>
    public sealed record Result(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int Pages, int AboutSpeakUpCases);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var entries = request.Filter.Apply(db.AuditEntries.AsNoTracking());
            var total = await entries.CountAsync(cancellationToken);
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(request.Filter.Page, 1, pages);
            var aboutCases = await SpeakUpReference.AboutCases(db.AuditEntries).CountAsync(cancellationToken);
            return new Result(await entries.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken), total, page, pages, aboutCases);
        }
    }
}
