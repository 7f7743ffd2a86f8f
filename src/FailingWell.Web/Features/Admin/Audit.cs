using System.Globalization;

namespace FailingWell.Web.Features.Admin;

/// <summary>Searches the audit log by person, report reference and date.</summary>
public static class AuditSearch
{
    public const int PageSize = 100;

    public sealed class Filter
    {
        /// <summary>Part of a person's name.</summary>
        public string? Person { get; set; }

        public string? Reference { get; set; }

        /// <summary>yyyy-mm-dd, inclusive.</summary>
        public string? From { get; set; }

        public string? To { get; set; }

        public int Page { get; set; } = 1;

        public DateTime? FromUtc => DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToDateTime(TimeOnly.MinValue) : null;

        public DateTime? ToUtc => DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.AddDays(1).ToDateTime(TimeOnly.MinValue) : null;
    }

    public sealed record Query(Filter Filter, bool All = false) : IRequest<Result>;

    public sealed record Result(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int Pages);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var f = request.Filter;
            var entries = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(f.Person))
            {
                var person = f.Person.Trim();
                entries = entries.Where(a => a.AccountName != null && a.AccountName.Contains(person));
            }

            if (!string.IsNullOrWhiteSpace(f.Reference))
            {
                var reference = f.Reference.Trim().ToUpperInvariant();
                entries = entries.Where(a => a.ReportReference == reference);
            }

            if (f.FromUtc is { } from)
            {
                entries = entries.Where(a => a.AtUtc >= from);
            }

            if (f.ToUtc is { } to)
            {
                entries = entries.Where(a => a.AtUtc < to);
            }

            var total = await entries.CountAsync(cancellationToken);
            var ordered = entries.OrderByDescending(a => a.Id);
            if (request.All)
            {
                return new Result(await ordered.Take(100_000).ToListAsync(cancellationToken), total, 1, 1);
            }

            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(f.Page, 1, pages);
            return new Result(await ordered.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken), total, page, pages);
        }
    }
}
