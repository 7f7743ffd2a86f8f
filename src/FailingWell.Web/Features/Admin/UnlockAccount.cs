using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>Ends a lockout after too many failed sign-ins; a disabled account is enabled instead.</summary>
public static class UnlockAccount
{
    public sealed class Command : AccountChange;

    public sealed class Handler(UserManager<StaffAccount> users) : AccountChangeHandler<Command>(users)
    {
        protected override async Task<string> ChangeAsync(Command request, StaffAccount account, CancellationToken cancellationToken)
        {
            if (account.IsDisabled)
            {
                throw RequestValidationException.For(request, "", "This account is disabled: enable it instead.");
            }

            await Users.SetLockoutEndDateAsync(account, null);
            await Users.ResetAccessFailedCountAsync(account);
            return $"Unlocked {account.Email}";
        }
    }
}
