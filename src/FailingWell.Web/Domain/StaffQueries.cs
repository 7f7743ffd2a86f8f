namespace FailingWell.Web.Domain;

/// <summary>"Staff in a role", written once: who may own reports, who gets the morning summary.</summary>
public static class StaffQueries
{
    /// <summary>Governance leads and admins: the accounts that may own reports and actions.</summary>
    public static readonly string[] ReportOwnerRoles = [StaffRoles.GovernanceLead, StaffRoles.Admin];

    /// <summary>Accounts holding any of <paramref name="roles"/>, each once.</summary>
    public static IQueryable<StaffAccount> StaffInRole(this FailingWellDbContext db, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users.OfType<StaffAccount>().Where(user =>
            db.UserRoles.Any(userRole => userRole.UserId == user.Id
                && db.Roles.Any(role => role.Id == userRole.RoleId && roles.Contains(role.Name!))));
    }

    public static Task<bool> HasRoleAsync(this FailingWellDbContext db, string accountId, string[] roles, CancellationToken cancellationToken) =>
        db.StaffInRole(roles).AnyAsync(user => user.Id == accountId, cancellationToken);
}
