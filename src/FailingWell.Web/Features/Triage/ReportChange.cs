using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Triage;

/// <summary>
/// What every change a lead makes to a report carries: which report (its audit entry is filed under
/// it), and the version the lead was looking at (so a change made meanwhile by someone else is never
/// silently overwritten).
/// </summary>
public abstract class ReportChange<TResponse> : Change<TResponse>
{
    [BindNever]
    public int ReportId { get; set; }

    public Guid Version { get; set; }

    /// <summary>Every change to a report says what it did, in a word or two: "Graded".</summary>
    public abstract override string AuditAction { get; }

    public sealed override AuditSubject AuditSubject => AuditSubject.Report(ReportId);
}

public static class ReportChanges
{
    public const string Closed = "This report is closed. Reopen it before changing it.";

    /// <summary>
    /// Loads the report to change, refusing a closed one unless the change is allowed on it, and
    /// arms the concurrency check: the save fails if the report's version is no longer the one the
    /// lead saw. Every save gives the report a new version.
    /// </summary>
    public static async Task<Report> LoadAsync<T>(FailingWellDbContext db, ReportChange<T> change, bool allowClosed = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var report = await db.Reports.SingleOrRefuseAsync(r => r.Id == change.ReportId, change, "That report does not exist.", cancellationToken);
        if (report.Version != change.Version)
        {
            throw RequestValidationException.For(change, "", ConcurrencyConflict.Message);
        }

        if (!ReportLifecycle.IsOpen(report.Status) && !allowClosed)
        {
            throw RequestValidationException.For(change, "", Closed);
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = change.Version;
        report.Version = Guid.NewGuid();
        return report;
    }
}
