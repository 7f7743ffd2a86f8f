using FailingWell.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// The Guardian role opens every confidential case, so no one person gives it (decision 0094): an
/// admin asks, an existing guardian approves (another admin only while there is no guardian), and
/// every guardian is told. A request is kept as one of Identity's account tokens, so no table is added.
/// </summary>
public static class GuardianGrants
{
    public const string TokenProvider = "FailingWell";

    public const string RequestedBy = "GuardianRoleRequestedBy";

    /// <summary>What the audit log says when the role is given: the guardians' notice reads it back.</summary>
    public const string GrantedAction = "Made a guardian:";

    public const string GrantedSubject = "Someone has been made a Freedom to Speak Up guardian";

    public sealed record Pending(string AccountId, string Name, string Email, string RequestedById, string RequestedByName);

    public sealed record Granted(DateTime AtUtc, string Description);

    public static async Task<IReadOnlyList<Pending>> PendingAsync(FailingWellDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from token in db.UserTokens
                          where token.LoginProvider == TokenProvider && token.Name == RequestedBy
                          join user in db.Users.OfType<StaffAccount>() on token.UserId equals user.Id
                          join requester in db.Users.OfType<StaffAccount>() on token.Value equals requester.Id into requesters
                          from requester in requesters.DefaultIfEmpty()
                          orderby user.DisplayName
                          select new { user.Id, user.DisplayName, user.Email, token.Value, RequesterName = requester == null ? null : requester.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Pending(r.Id, r.DisplayName, r.Email ?? "", r.Value ?? "", r.RequesterName ?? "a removed account"))];
    }

    /// <summary>The grants of the last 90 days, newest first: what every guardian sees on /speak-up.</summary>
    public static async Task<IReadOnlyList<Granted>> RecentAsync(FailingWellDbContext db, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action.StartsWith(GrantedAction) && a.AtUtc >= sinceUtc)
            .OrderByDescending(a => a.Id)
            .Select(a => new Granted(a.AtUtc, a.Action))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Emails every active guardian (including, once granted, the new one): a sentence and a link.</summary>
    public static async Task TellGuardiansAsync(UserManager<StaffAccount> users, IEmailOutbox outbox, string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(outbox);
        foreach (var guardian in await users.GetUsersInRoleAsync(StaffRoles.Guardian))
        {
            if (!guardian.IsDisabled && !string.IsNullOrWhiteSpace(guardian.Email))
            {
                outbox.Enqueue(new EmailMessage(guardian.Email, subject, body));
            }
        }
    }
}
