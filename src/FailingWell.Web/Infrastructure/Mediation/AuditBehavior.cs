namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>A request that looks at or changes one report on behalf of a member of staff.</summary>
public interface IAuditedReportRequest : IStaffRequest
{
    int ReportId { get; }

    /// <summary>What the audit log says was done: "Viewed", "Acknowledged"... never content. Empty: not audited.</summary>
    string AuditAction { get; }
}

/// <summary>
/// A request that looks at or changes one speak-up case for a guardian. The audit entry names the case
/// by its reference only (no report id, no content), so an admin searching the audit log sees that a
/// case was opened, never what it is about.
/// </summary>
public interface IAuditedSpeakUpRequest : IStaffRequest
{
    int CaseId { get; }

    string AuditAction { get; }
}

/// <summary>A change an administrator makes: audited with a description of what changed (never report text).</summary>
public interface IAuditedAdminRequest : IStaffRequest
{
    string AuditDescription { get; }
}

/// <summary>
/// Records who looked at or changed which report, once, for every such request that succeeds: in
/// the same transaction as a change, so the change and its record stand or fall together.
/// </summary>
public sealed class AuditBehavior<TRequest, TResponse>(FailingWellDbContext db, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (request is IAuditedReportRequest audited && !string.IsNullOrEmpty(audited.AuditAction))
        {
            var reference = await db.Reports.Where(r => r.Id == audited.ReportId).Select(r => r.Reference).SingleOrDefaultAsync(cancellationToken);
            var name = await db.Users.OfType<StaffAccount>().Where(u => u.Id == audited.ActorAccountId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = clock.GetUtcNow().UtcDateTime,
                AccountId = audited.ActorAccountId,
                AccountName = name,
                Action = audited.AuditAction,
                ReportId = audited.ReportId,
                ReportReference = reference,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (request is IAuditedSpeakUpRequest speakUp && !string.IsNullOrEmpty(speakUp.AuditAction))
        {
            var reference = await db.SpeakUpCases.Where(c => c.Id == speakUp.CaseId).Select(c => c.Reference).SingleOrDefaultAsync(cancellationToken);
            var name = await db.Users.OfType<StaffAccount>().Where(u => u.Id == speakUp.ActorAccountId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = clock.GetUtcNow().UtcDateTime,
                AccountId = speakUp.ActorAccountId,
                AccountName = name,
                Action = speakUp.AuditAction,
                ReportReference = reference,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (request is IAuditedAdminRequest admin)
        {
            var name = await db.Users.OfType<StaffAccount>().Where(u => u.Id == admin.ActorAccountId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = clock.GetUtcNow().UtcDateTime,
                AccountId = string.IsNullOrEmpty(admin.ActorAccountId) ? null : admin.ActorAccountId,
                AccountName = name,
                Action = admin.AuditDescription.Length <= 400 ? admin.AuditDescription : admin.AuditDescription[..400],
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return response;
    }
}
