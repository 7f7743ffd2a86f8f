namespace FailingWell.Web.Features.Import;

/// <summary>Adds a batch of imported reports inside the import's transaction.</summary>
public static class ImportWriter
{
    public static async Task WriteAsync(FailingWellDbContext db, IReadOnlyCollection<Report> reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            return;
        }

        db.Reports.AddRange(reports);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
