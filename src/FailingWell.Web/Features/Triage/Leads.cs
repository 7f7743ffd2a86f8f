namespace FailingWell.Web.Features.Triage;

/// <summary>The accounts that may own reports and actions: governance leads and admins.</summary>
public static class Leads
{
    public sealed record Lead(string Id, string Name);

    public static Task<bool> IsLeadAsync(FailingWellDbContext db, string accountId, CancellationToken cancellationToken) =>
        db.HasRoleAsync(accountId, StaffQueries.ReportOwnerRoles, cancellationToken);

    public static Task<List<Lead>> ListAsync(FailingWellDbContext db, CancellationToken cancellationToken) =>
        db.StaffInRole(StaffQueries.ReportOwnerRoles)
            .OrderBy(user => user.DisplayName)
            .Select(user => new Lead(user.Id, user.DisplayName))
            .ToListAsync(cancellationToken);
}
