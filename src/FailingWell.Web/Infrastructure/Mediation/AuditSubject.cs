namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// What an audit entry is filed under. Each kind says once what of its record the entry may carry, so
/// no request can file a speak-up case with a report's id, or the other way round.
/// </summary>
public abstract class AuditSubject
{
    private AuditSubject()
    {
    }

    /// <summary>No record: the action's own words say what was changed ("Renamed category 'A' to 'B'").</summary>
    public static AuditSubject None { get; } = new Nothing();

    /// <summary>A report: the entry carries its id and reference, so it shows in the report's history.</summary>
    public static AuditSubject Report(int reportId) => new OfReport(reportId);

    /// <summary>
    /// A speak-up case: by its reference only (no report id, no content), so an admin searching the log
    /// could see that a case was opened, never what it is about; and the admin's log leaves it out by
    /// that reference (decision 0093).
    /// </summary>
    public static AuditSubject SpeakUpCase(int caseId) => new OfCase(caseId);

    /// <summary>
    /// Every speak-up case at once (the guardian's export): filed under a reference of the cases' prefix
    /// that names no case, so the admin's log leaves it out with the rest (decision 0093).
    /// </summary>
    public static AuditSubject EverySpeakUpCase { get; } = new OfEveryCase();

    /// <summary>The report id and the reference the entry carries.</summary>
    internal abstract Task<(int? ReportId, string? Reference)> FileAsync(FailingWellDbContext db, CancellationToken cancellationToken);

    private sealed class Nothing : AuditSubject
    {
        internal override Task<(int? ReportId, string? Reference)> FileAsync(FailingWellDbContext db, CancellationToken cancellationToken) =>
            Task.FromResult<(int?, string?)>((null, null));
    }

    private sealed class OfReport(int reportId) : AuditSubject
    {
        internal override async Task<(int? ReportId, string? Reference)> FileAsync(FailingWellDbContext db, CancellationToken cancellationToken) =>
            (reportId, await db.Reports.Where(r => r.Id == reportId).Select(r => r.Reference).SingleOrDefaultAsync(cancellationToken));
    }

    private sealed class OfEveryCase : AuditSubject
    {
        internal override Task<(int? ReportId, string? Reference)> FileAsync(FailingWellDbContext db, CancellationToken cancellationToken) =>
            Task.FromResult<(int?, string?)>((null, SpeakUpReference.Prefix + "ALL"));
    }

    private sealed class OfCase(int caseId) : AuditSubject
    {
        internal override async Task<(int? ReportId, string? Reference)> FileAsync(FailingWellDbContext db, CancellationToken cancellationToken) =>
            (null, await db.SpeakUpCases.Where(c => c.Id == caseId).Select(c => c.Reference).SingleOrDefaultAsync(cancellationToken));
    }
}
