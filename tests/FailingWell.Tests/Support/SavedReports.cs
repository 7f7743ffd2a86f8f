using FailingWell.Web.Features.Triage;

namespace FailingWell.Tests.Support;

/// <summary>A report already in the database: read back as stored, and changed by a lead.</summary>
public static class SavedReports
{
    public static Task<Report> LoadAsync(FailingWellApp app, int id) => LoadAsync(app, r => r.Id == id);

    /// <summary>The report a page gave the reference of.</summary>
    public static Task<Report> LoadAsync(FailingWellApp app, string reference) => LoadAsync(app, r => r.Reference == reference);

    private static async Task<Report> LoadAsync(FailingWellApp app, System.Linq.Expressions.Expression<Func<Report, bool>> which)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).Reports.AsNoTracking()
            .Include(r => r.Category).Include(r => r.Actions).Include(r => r.Messages).SingleAsync(which);
    }

    /// <summary>Sends a lead's change, stamped with the report's current version unless one is given.</summary>
    public static async Task<T> ChangeAsync<T>(FailingWellApp app, string actorId, int reportId, ReportChange<T> change, Guid? version = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(change);
        change.ReportId = reportId;
        change.ActorAccountId = actorId;
        change.Version = version ?? (await LoadAsync(app, reportId)).Version;
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(change);
    }
}
