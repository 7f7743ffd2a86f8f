using FailingWell.Web.Infrastructure.Email;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// Every email but speaking up's: status, attempts, last error. Emails never hold report text, so admins
/// may read them; speaking up's are counted only, since their addresses and times could name or date
/// the person who spoke up (decision 0093).
/// </summary>
public static class OutboxList
{
    public const int PageSize = 50;

    public sealed record Query(OutboxEmailStatus? Status, int Page) : IRequest<Result>;

    public sealed record Row(Guid Id, string To, string Subject, OutboxEmailStatus Status, int Attempts, DateTime CreatedAtUtc, DateTime? SentAtUtc, DateTime NextAttemptAtUtc, string? LastError);

    /// <param name="SpeakUp">Speaking up's emails, not listed; <paramref name="SpeakUpFailed"/> of them failed (retried with the rest).</param>
    public sealed record Result(IReadOnlyList<Row> Rows, int Queued, int Sent, int Failed, int Page, int Pages, int SpeakUp, int SpeakUpFailed);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var speakUp = SpeakUpEmails.Subjects.ToArray();
            var counts = await db.OutboxEmails.Where(e => !speakUp.Contains(e.Subject)).GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            var speakUpCounts = await db.OutboxEmails.Where(e => speakUp.Contains(e.Subject)).GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            var emails = db.OutboxEmails.AsNoTracking().Where(e => !speakUp.Contains(e.Subject));
            if (request.Status is { } status)
            {
                emails = emails.Where(e => e.Status == status);
            }

            var total = await emails.CountAsync(cancellationToken);
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(request.Page, 1, pages);
            var rows = await emails.OrderByDescending(e => e.CreatedAtUtc).Skip((page - 1) * PageSize).Take(PageSize)
                .Select(e => new Row(e.Id, e.To, e.Subject, e.Status, e.Attempts, e.CreatedAtUtc, e.SentAtUtc, e.NextAttemptAtUtc, e.LastError))
                .ToListAsync(cancellationToken);
            return new Result(rows, counts.GetValueOrDefault(OutboxEmailStatus.Queued), counts.GetValueOrDefault(OutboxEmailStatus.Sent),
                counts.GetValueOrDefault(OutboxEmailStatus.Failed), page, pages, speakUpCounts.Values.Sum(), speakUpCounts.GetValueOrDefault(OutboxEmailStatus.Failed));
        }
    }
}
