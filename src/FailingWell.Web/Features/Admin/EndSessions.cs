using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// Signs an account out everywhere (a lost phone, a shared computer left signed in): its security
/// stamp is rotated, so every session it has is refused at its next request.
/// </summary>
public static class EndSessions
{
    public sealed class Command : AccountChange;

    public sealed class Handler(UserManager<StaffAccount> users) : AccountChangeHandler<Command>(users)
    {
        protected override async Task<string> ChangeAsync(Command request, StaffAccount account, CancellationToken cancellationToken)
        {
            var result = await Users.UpdateSecurityStampAsync(account);
            if (!result.Succeeded)
            {
                throw RequestValidationException.For(request, "", "The account changed while this was done: try again.");
            }

            return $"Signed {account.Email} out everywhere";
        }
    }
}
