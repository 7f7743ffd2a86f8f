using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>Lets a disabled account sign in again, with a fresh count of failed attempts.</summary>
public static class EnableAccount
{
    public sealed class Command : AccountChange;

    public sealed class Handler(UserManager<StaffAccount> users) : AccountChangeHandler<Command>(users)
    {
        protected override async Task<string> ChangeAsync(Command request, StaffAccount account, CancellationToken cancellationToken)
        {
            account.IsDisabled = false;
            account.LockoutEnd = null;
            account.AccessFailedCount = 0;
            await Users.UpdateAsync(account);
            return $"Enabled {account.Email}";
        }
    }
}
