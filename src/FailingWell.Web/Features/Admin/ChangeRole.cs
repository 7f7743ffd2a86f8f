using FailingWell.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// Gives an account a different role; the last active admin keeps theirs. The Guardian role is only
/// asked for here: a guardian (or, with none, another admin) approves it (<see cref="ApproveGuardian"/>).
/// </summary>
public static class ChangeRole
{
    public sealed class Command : AccountChange
    {
        public string? Role { get; set; }

        /// <summary>Set when the Guardian role was asked for rather than given.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public bool AwaitsApproval { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Role).Must(r => StaffRoles.All.Contains(r)).WithMessage("Choose a role");
    }

    public sealed class Handler(UserManager<StaffAccount> users, FailingWellDbContext db, IEmailOutbox outbox, IConfiguration configuration) : AccountChangeHandler<Command>(users)
    {
        protected override async Task<string> ChangeAsync(Command request, StaffAccount account, CancellationToken cancellationToken)
        {
            var current = await Users.GetRolesAsync(account);
            if (request.Role == StaffRoles.Guardian && !current.Contains(StaffRoles.Guardian))
            {
                return await AskForGuardianAsync(request, account);
            }

            // Any other role given ends a request for the Guardian role.
            await Users.RemoveAuthenticationTokenAsync(account, GuardianGrants.TokenProvider, GuardianGrants.RequestedBy);
            if (current.Contains(StaffRoles.Admin) && request.Role != StaffRoles.Admin && !account.IsDisabled
                && await IsLastActiveAdminAsync(db, account.Id, cancellationToken))
            {
                throw RequestValidationException.For(request, nameof(Command.Role), "This is the last active admin: make someone else an admin first");
            }

            await Users.RemoveFromRolesAsync(account, current);
            await Users.AddToRoleAsync(account, request.Role!);
            await Users.UpdateSecurityStampAsync(account);
            return $"Changed the role of {account.Email} from {string.Join(", ", current)} to {request.Role}";
        }

        private async Task<string> AskForGuardianAsync(Command request, StaffAccount account)
        {
            await Users.SetAuthenticationTokenAsync(account, GuardianGrants.TokenProvider, GuardianGrants.RequestedBy, request.ActorAccountId);
            request.AwaitsApproval = true;
            await GuardianGrants.TellGuardiansAsync(Users, outbox, "A request to make someone a guardian needs approval", $"""
                An admin has asked for {account.DisplayName} ({account.Email}) to be made a Freedom to Speak Up guardian, who can read every speak-up case.

                Approve it, or ask why, on the guardians' page: {configuration.SiteBaseUrl()}/speak-up
                """);
            return $"Asked for {account.Email} to be made a guardian (a guardian, or with none another admin, must approve)";
        }
    }
}
