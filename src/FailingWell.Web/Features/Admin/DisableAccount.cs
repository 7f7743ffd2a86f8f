using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>Disables an account: it cannot sign in, and its sessions end at the next security check.</summary>
public static class DisableAccount
{
    public sealed class Command : AccountChange;

    public sealed class Handler(UserManager<StaffAccount> users, FailingWellDbContext db) : AccountChangeHandler<Command>(users)
    {
        protected override async Task<string> ChangeAsync(Command request, StaffAccount account, CancellationToken cancellationToken)
        {
            if (await Users.IsInRoleAsync(account, StaffRoles.Admin) && await IsLastActiveAdminAsync(db, account.Id, cancellationToken))
            {
                throw RequestValidationException.For(request, "", "This is the last active admin and cannot be disabled: make someone else an admin first.");
            }

            account.IsDisabled = true;
            account.LockoutEnd = DateTimeOffset.MaxValue;
            await Users.UpdateAsync(account);
            await Users.UpdateSecurityStampAsync(account);
            return $"Disabled {account.Email}";
        }
    }
}
