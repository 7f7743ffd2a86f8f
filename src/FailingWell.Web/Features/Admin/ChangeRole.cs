using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>Gives an account a different role; the last active admin keeps theirs.</summary>
public static class ChangeRole
{
    public sealed class Command : AccountChange
    {
        public string? Role { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Role).Must(r => StaffRoles.All.Contains(r)).WithMessage("Choose a role");
    }

    public sealed class Handler(UserManager<StaffAccount> users, FailingWellDbContext db) : AccountChangeHandler<Command>(users)
    {
        protected override async Task<string> ChangeAsync(Command request, StaffAccount account, CancellationToken cancellationToken)
        {
            var current = await Users.GetRolesAsync(account);
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
    }
}
