using FailingWell.Web.Infrastructure.Scheduling;
using FailingWell.Web.Infrastructure.Email;
using Quartz;

namespace FailingWell.Web.Features.Digests;

/// <summary>
/// A scheduled run: builds every stream's packs for each complete period not yet built (so a run
/// missed while the site was down is caught up by the next), then tells each subscriber about the
/// packs for their scope not yet told of: headline numbers and a link, never report text. A run
/// killed part way (a node lost) is run again by another node, and its effects happen once: packs
/// that exist are not built again, and a pack's emails are queued with the mark that they were.
/// </summary>
public sealed class DigestRuns(FailingWellDbContext db, DigestBuilder builder, UkTime time, TimeProvider clock, IEmailOutbox outbox, IConfiguration configuration)
{
    public const int MostPeriodsCaughtUp = 12;

    public async Task<IReadOnlyList<Digest>> RunAsync(PeriodKind kind, CancellationToken cancellationToken)
    {
        var lastComplete = Period.LastCompleteBefore(kind, time.Today);
        var latestBuilt = await db.Digests.Where(d => d.PeriodKind == kind).MaxAsync(d => (DateOnly?)d.PeriodStart, cancellationToken);
        var due = new List<Period> { lastComplete };
        while (due.Count < MostPeriodsCaughtUp && latestBuilt is { } built && due[^1].Previous.Start > built)
        {
            due.Add(due[^1].Previous);
        }

        var all = new List<Digest>();
        foreach (var period in Enumerable.Reverse(due))
        {
            all.AddRange(await builder.BuildAsync(Enum.GetValues<GovernanceStream>(), period, cancellationToken));
        }

        // What this run built, and what an earlier run built but died before telling anyone about.
        var untold = await db.Digests.Where(d => d.PeriodKind == kind && d.SubscribersToldAtUtc == null)
            .OrderBy(d => d.Id).ToListAsync(cancellationToken);
        await NotifyAsync(untold, cancellationToken);
        return all;
    }

    public async Task NotifyAsync(IReadOnlyList<Digest> digests, CancellationToken cancellationToken)
    {
        if (digests.Count == 0)
        {
            return;
        }

        var told = clock.GetUtcNow().UtcDateTime;

        var site = configuration.SiteBaseUrl();
        var subscriptions = await (from s in db.DigestSubscriptions
                                   join u in db.Users.OfType<StaffAccount>() on s.AccountId equals u.Id
                                   where !u.IsDisabled && u.Email != null
                                   select new { s.Stream, s.ScopeKey, u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        foreach (var digest in digests)
        {
            digest.SubscribersToldAtUtc = told;
            var content = Digests.DigestContent.FromJson(digest.Content);
            foreach (var subscriber in subscriptions.Where(s => s.Stream == digest.Stream && s.ScopeKey == digest.ScopeKey))
            {
                outbox.Enqueue(new EmailMessage(subscriber.Email!, $"{content.StreamName} digest: {digest.ScopeName}, {digest.PeriodKey}", $"""
                    Hello {subscriber.DisplayName},

                    The {content.StreamName.ToLowerInvariant()} digest for {digest.ScopeName}, {content.PeriodName}, is ready.

                    Reports: {SmallNumbers.Show(content.Total)} (previous period {SmallNumbers.Show(content.Previous)}; average of the last 12 periods {SmallNumbers.Show(content.MeanOfLast12)})
                    Severe harm and high or extreme risk: {SmallNumbers.Show(content.Notable.Count)}

                    Counts from 1 to 4 are not given, so no small team can be picked out.

                    Read it: {site}/digests/{digest.Id}
                    """));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

[DisallowConcurrentExecution]
[SafeToRunNow]
public sealed class WeeklyDigestJob(DigestRuns runs) : IJob
{
    public static readonly JobKey Key = new("weekly-digests", "digests");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await runs.RunAsync(PeriodKind.Week, cancellationToken);
}

[DisallowConcurrentExecution]
[SafeToRunNow]
public sealed class MonthlyDigestJob(DigestRuns runs) : IJob
{
    public static readonly JobKey Key = new("monthly-digests", "digests");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await runs.RunAsync(PeriodKind.Month, cancellationToken);
}
