using FailingWell.Web.Infrastructure.Scheduling;
using FailingWell.Web.Infrastructure.Email;
using Quartz;

namespace FailingWell.Web.Features.Triage;

/// <summary>
/// Each morning, every lead with something overdue gets one email: how many reports wait for
/// acknowledgement or feedback, how many actions are late, and a link. Counts only, no report text.
/// </summary>
public sealed class OverdueSummary(FailingWellDbContext db, UkTime time, IEmailOutbox outbox, IConfiguration configuration)
{
    public sealed record Counts(int AcknowledgementOverdue, int FeedbackOverdue, int ActionsOverdue, int Unowned)
    {
        public bool Any => AcknowledgementOverdue + FeedbackOverdue + ActionsOverdue + Unowned > 0;
    }

    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var today = time.Today;
        var reports = db.Reports.AsNoTracking();
        var acknowledgement = await CountByOwnerAsync(reports.Where(ReportRules.AcknowledgementOverdue(today)), cancellationToken);
        var feedback = await CountByOwnerAsync(reports.Where(ReportRules.FeedbackOverdue(today)), cancellationToken);
        var actions = await db.ReportActions.AsNoTracking()
            .Where(ActionRules.Overdue<ReportAction>(today))
            .Where(a => a.OwnerAccountId != null)
            .GroupBy(a => a.OwnerAccountId!)
            .Select(g => new { Owner = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Owner, x => x.Count, cancellationToken);
        var unowned = await reports.Where(ReportRules.Overdue(today)).CountAsync(r => r.OwnerAccountId == null, cancellationToken);

        var site = configuration.SiteBaseUrl();
        var sent = 0;
        foreach (var lead in await LeadsWithEmailAsync(cancellationToken))
        {
            var counts = new Counts(acknowledgement.GetValueOrDefault(lead.Id), feedback.GetValueOrDefault(lead.Id), actions.GetValueOrDefault(lead.Id), unowned);
            if (!counts.Any || await AlreadySentTodayAsync(lead.Email, cancellationToken))
            {
                continue;
            }

            outbox.Enqueue(new EmailMessage(lead.Email, Subject, $"""
                Good morning {lead.Name},

                Reports you own waiting for acknowledgement past the deadline: {counts.AcknowledgementOverdue}
                Reports you own waiting for feedback to the reporter past the deadline: {counts.FeedbackOverdue}
                Actions you own past their due date: {counts.ActionsOverdue}
                Overdue reports nobody owns yet: {counts.Unowned}

                Your overdue reports: {site}/triage?Filter.Overdue=true&Filter.Mine=true
                All overdue reports: {site}/triage?Filter.Overdue=true
                """));
            sent++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    // Once a day a lead: a second run the same day (another node, a run caught up after a restart)
    // sends nothing more.
    private async Task<bool> AlreadySentTodayAsync(string email, CancellationToken cancellationToken)
    {
        var sinceUtc = time.StartOfTodayUtc;
        return await db.OutboxEmails.AnyAsync(e => e.To == email && e.Subject == Subject && e.CreatedAtUtc >= sinceUtc, cancellationToken);
    }

    public const string Subject = "FailingWell: overdue items";

    private static Task<Dictionary<string, int>> CountByOwnerAsync(IQueryable<Report> reports, CancellationToken cancellationToken) =>
        reports.Where(r => r.OwnerAccountId != null)
            .GroupBy(r => r.OwnerAccountId!)
            .Select(g => new { Owner = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Owner, x => x.Count, cancellationToken);

    private async Task<List<(string Id, string Name, string Email)>> LeadsWithEmailAsync(CancellationToken cancellationToken) =>
        (await db.StaffInRole(StaffRoles.GovernanceLead)
            .Where(user => user.Email != null)
            .Select(user => new { user.Id, user.DisplayName, user.Email })
            .ToListAsync(cancellationToken))
        .Select(u => (u.Id, u.DisplayName, u.Email!)).ToList();
}

[DisallowConcurrentExecution]
[SafeToRunNow]
public sealed class OverdueSummaryJob(OverdueSummary summary) : IJob
{
    public static readonly JobKey Key = new("overdue-summary", "triage");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await summary.SendAsync(cancellationToken);
}
