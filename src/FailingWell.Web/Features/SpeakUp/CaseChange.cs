using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.SpeakUp;

/// <summary>
/// What every change a guardian makes to a case carries: which case (its audit entry names the case by
/// reference only), the version they saw (so a colleague's newer change is never overwritten), and what
/// the audit log says.
/// </summary>
public abstract class CaseChange<TResponse> : Change<TResponse>
{
    [BindNever]
    public int CaseId { get; set; }

    public Guid Version { get; set; }

    public abstract override string AuditAction { get; }

    public sealed override AuditSubject AuditSubject => AuditSubject.SpeakUpCase(CaseId);
}

public static class CaseChanges
{
    public const string Closed = "This case is closed.";

    public static async Task<SpeakUpCase> LoadAsync<T>(FailingWellDbContext db, CaseChange<T> change, bool allowClosed = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        var speakUpCase = await db.SpeakUpCases.SingleOrRefuseAsync(c => c.Id == change.CaseId, change, "That case does not exist.", cancellationToken);
        if (speakUpCase.Version != change.Version)
        {
            throw RequestValidationException.For(change, "", "Someone else changed this case while you were looking at it, so your change was not saved. Check the latest details and try again.");
        }

        if (speakUpCase.Status == SpeakUpStatus.Closed && !allowClosed)
        {
            throw RequestValidationException.For(change, "", Closed);
        }

        db.Entry(speakUpCase).Property(c => c.Version).OriginalValue = change.Version;
        speakUpCase.Version = Guid.NewGuid();
        return speakUpCase;
    }
}
