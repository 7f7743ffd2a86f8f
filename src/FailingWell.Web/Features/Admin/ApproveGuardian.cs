using FailingWell.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// Gives the Guardian role someone asked for: approved by an existing guardian, or by another admin
/// while there is no active guardian; never by the person who asked, nor by the person it is for.
/// Every guardian is told by email, and sees it on /speak-up.
/// </summary>
public static class ApproveGuardian
{
    public sealed class Command : Change<Unit>
    {
        public string AccountId { get; set; } = "";
    }

    public sealed class Handler(UserManager<StaffAccount> users, FailingWellDbContext db, IEmailOutbox outbox, IConfiguration configuration) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var account = await users.FindByIdAsync(request.AccountId)
                ?? throw RequestValidationException.For(request, "", "That account does not exist.");
            var requestedBy = await users.GetAuthenticationTokenAsync(account, GuardianGrants.TokenProvider, GuardianGrants.RequestedBy)
                ?? throw RequestValidationException.For(request, "", "Nobody has asked for this account to be a guardian.");
            if (request.ActorAccountId == requestedBy || request.ActorAccountId == account.Id)
            {
                throw RequestValidationException.For(request, "", "Someone other than the person who asked, and the person it is for, must approve this.");
            }

            var approver = await users.FindByIdAsync(request.ActorAccountId);
            var anyGuardian = await db.StaffInRole(StaffRoles.Guardian).AnyAsync(u => !u.IsDisabled, cancellationToken);
            var mayApprove = approver is { IsDisabled: false }
                && (await users.IsInRoleAsync(approver, StaffRoles.Guardian) || (!anyGuardian && await users.IsInRoleAsync(approver, StaffRoles.Admin)));
            if (!mayApprove)
            {
                throw RequestValidationException.For(request, "", anyGuardian
                    ? "Only a guardian can approve this."
                    : "Only another admin can approve this while there is no guardian.");
            }

            var current = await users.GetRolesAsync(account);
            if (current.Contains(StaffRoles.Admin) && !account.IsDisabled
                && !await db.StaffInRole(StaffRoles.Admin).AnyAsync(u => !u.IsDisabled && u.Id != account.Id, cancellationToken))
            {
                throw RequestValidationException.For(request, "", "This is the last active admin: make someone else an admin first");
            }

            var requester = (await users.FindByIdAsync(requestedBy))?.DisplayName ?? "a removed account";
            await users.RemoveFromRolesAsync(account, current);
            await users.AddToRoleAsync(account, StaffRoles.Guardian);
            await users.RemoveAuthenticationTokenAsync(account, GuardianGrants.TokenProvider, GuardianGrants.RequestedBy);
            await users.UpdateSecurityStampAsync(account);

            var what = $"{account.DisplayName} ({account.Email}), asked for by {requester}, approved by {approver!.DisplayName}";
            request.AuditAction = $"{GuardianGrants.GrantedAction} {what}";
            await GuardianGrants.TellGuardiansAsync(users, outbox, GuardianGrants.GrantedSubject, $"""
                {what}, can now read every speak-up case.

                If you did not expect this, tell your trust's board and the National Guardian's Office.

                The guardians' page lists every guardian made in the last 90 days: {configuration.SiteBaseUrl()}/speak-up
                """);
            return Unit.Value;
        }
    }
}
