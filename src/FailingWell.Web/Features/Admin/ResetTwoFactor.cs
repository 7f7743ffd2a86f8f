using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>For a lost phone: two-factor is switched off and must be set up again at the next sign-in.</summary>
public static class ResetTwoFactor
{
    public sealed class Command : AccountChange;

    public sealed class Handler(UserManager<StaffAccount> users) : AccountChangeHandler<Command>(users)
    {
        protected override async Task<string> ChangeAsync(Command request, StaffAccount account, CancellationToken cancellationToken)
        {
            await Users.SetTwoFactorEnabledAsync(account, false);
            await Users.ResetAuthenticatorKeyAsync(account);
            account.LastAuthenticatorStep = null;
            await Users.UpdateAsync(account);
            await Users.UpdateSecurityStampAsync(account);
            return $"Reset two-factor authentication for {account.Email}";
        }
    }
}
