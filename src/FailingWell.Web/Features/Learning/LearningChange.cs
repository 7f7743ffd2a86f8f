using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Learning;

/// <summary>
/// A lead's change to a learning response: its audit entry names the response and what was done (never
/// its text), filed under no report, as an admin's change is.
/// </summary>
public abstract class LearningChange<TResponse> : Change<TResponse>
{
    /// <summary>The response changed; a handler creating one sets it.</summary>
    [BindNever]
    public int ResponseId { get; set; }

    protected abstract string Action { get; }

    public sealed override string AuditAction => $"Learning response {ResponseId}: {Action}";
}

public static class LearningResponses
{
    public static async Task<LearningResponse> LoadAsync<T>(FailingWellDbContext db, LearningChange<T> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        return await db.LearningResponses.SingleOrRefuseAsync(r => r.Id == change.ResponseId, change, "That learning response does not exist.", cancellationToken);
    }

    public static Task<ResponsePlanVersion> CurrentPlanAsync(FailingWellDbContext db, CancellationToken cancellationToken) =>
        db.ResponsePlanVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
}
