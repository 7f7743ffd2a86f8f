using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Learning;

/// <summary>
/// A lead's change to a learning response: one transaction, and one audit entry naming the response and
/// what was done (never its text), through the same pipeline as an admin's change.
/// </summary>
public abstract class LearningChange<TResponse> : ICommand<TResponse>, IAuditedAdminRequest
{
    /// <summary>The response changed; a handler creating one sets it.</summary>
    [BindNever]
    public int ResponseId { get; set; }

    [BindNever]
    public string ActorAccountId { get; set; } = "";

    protected abstract string Action { get; }

    public string AuditDescription => $"Learning response {ResponseId}: {Action}";
}

public static class LearningResponses
{
    public static async Task<LearningResponse> LoadAsync<T>(FailingWellDbContext db, LearningChange<T> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        return await db.LearningResponses.SingleOrDefaultAsync(r => r.Id == change.ResponseId, cancellationToken)
            ?? throw RequestValidationException.For(change, "", "That learning response does not exist.");
    }

    public static Task<ResponsePlanVersion> CurrentPlanAsync(FailingWellDbContext db, CancellationToken cancellationToken) =>
        db.ResponsePlanVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstAsync(cancellationToken);

    /// <summary>A date typed as day, month and year (the NHS.UK date pattern), or null when it is not a real date.</summary>
    public static DateOnly? DateOf(string? day, string? month, string? year) =>
        int.TryParse(day, out var d) && int.TryParse(month, out var m) && int.TryParse(year, out var y)
        && y is >= 2000 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
}
