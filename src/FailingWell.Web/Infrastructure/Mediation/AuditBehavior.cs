namespace FailingWell.Web.Infrastructure.Mediation;

/// <summary>
/// A request recorded in the audit log when it succeeds: who, what was done and which record it is
/// filed under. Every change is one (<see cref="Change{TResponse}"/>); so are looking at a report or a case.
/// </summary>
public interface IAuditedRequest : IStaffRequest
{
    /// <summary>What the audit log says was done: "Graded", "Renamed category 'A' to 'B'"... never content. Empty: nothing is recorded.</summary>
    string AuditAction { get; }

    AuditSubject AuditSubject { get; }
}

/// <summary>
/// Records who looked at or changed what, once, for every audited request that succeeds: in the same
/// transaction as a change, so the change and its record stand or fall together.
/// </summary>
public sealed class AuditBehavior<TRequest, TResponse>(FailingWellDbContext db, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    // An admin's description may quote long names; the Action column holds 400 characters.
    private const int ActionLength = 400;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var response = await next();
        if (request is IAuditedRequest audited && !string.IsNullOrEmpty(audited.AuditAction))
        {
            var (reportId, reference) = await audited.AuditSubject.FileAsync(db, cancellationToken);
            var actor = string.IsNullOrEmpty(audited.ActorAccountId) ? null : audited.ActorAccountId;
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = clock.GetUtcNow().UtcDateTime,
                AccountId = actor,
                AccountName = actor is null ? null
                    : await db.Users.OfType<StaffAccount>().Where(u => u.Id == actor).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken),
                Action = audited.AuditAction.Length <= ActionLength ? audited.AuditAction : audited.AuditAction[..ActionLength],
                ReportId = reportId,
                ReportReference = reference,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return response;
    }
}
