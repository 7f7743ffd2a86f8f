using FailingWell.Web.Infrastructure.Scheduling;
using Quartz;

namespace FailingWell.Web.Features.Triage;

/// <summary>
/// Removes a named reporter's name and email a set number of days after their report closed. The
/// report, its learning and a content-free audit entry stay.
/// </summary>
public sealed class ContactDetailsRetention(FailingWellDbContext db, UkTime time, TimeProvider clock, TriageSettingsSource settings)
{
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var today = time.Today;
        var closedBefore = today.AddDays(-(await settings.GetAsync(cancellationToken)).RemoveContactDetailsAfterDays);
        var due = await db.Reports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Closed && r.ClosedOn <= closedBefore
                && (r.ReporterName != null || r.ReporterEmail != null))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Reference, r.ReporterEmail })
            .Take(1000)
            .ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var report in due)
        {
            // One conditional update a report: if another run (a second node, a manual run) got
            // there first, this one changes nothing and records nothing.
            var changed = await db.Reports
                .Where(r => r.Id == report.Id && (r.ReporterName != null || r.ReporterEmail != null))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.ReporterName, (string?)null)
                    .SetProperty(r => r.ReporterEmail, (string?)null)
                    .SetProperty(r => r.ContactDetailsRemovedOn, today)
                    .SetProperty(r => r.Version, Guid.NewGuid()), cancellationToken);
            if (changed == 0)
            {
                continue;
            }

            removed++;
            if (report.ReporterEmail is { } email)
            {
                // The emails that told them of a reply held their address: those go too, sent or not.
                await db.OutboxEmails.Where(e => e.To == email).ExecuteDeleteAsync(cancellationToken);
            }

            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = clock.GetUtcNow().UtcDateTime,
                Action = "Reporter's contact details removed (retention rule)",
                ReportId = report.Id,
                ReportReference = report.Reference,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        if (removed > 0 && db.Database.IsSqlite())
        {
            // Move the write-ahead log's copies of the old rows into the zeroed file and empty it.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        return removed;
    }
}

[DisallowConcurrentExecution]
[SafeToRunNow]
public sealed class ContactDetailsRetentionJob(ContactDetailsRetention retention) : IJob
{
    public static readonly JobKey Key = new("contact-details-retention", "triage");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // In batches of a thousand until none is left.
        while (await retention.ApplyAsync(cancellationToken) > 0)
        {
        }
    }
}
