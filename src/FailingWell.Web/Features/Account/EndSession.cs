using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Account;

/// <summary>
/// Signs out on the server: the account's security stamp is rotated, so this cookie, a copy of it
/// and every other session of the account are refused at their next request; then the cookie is
/// removed from this browser.
/// </summary>
public static class EndSession
{
    public sealed class Command : IRequest<Unit>, IStaffRequest
    {
        public string ActorAccountId { get; set; } = "";
    }

    public sealed class Handler(SignInManager<StaffAccount> signInManager, FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (!string.IsNullOrEmpty(request.ActorAccountId))
            {
                await RotateStampAsync(request.ActorAccountId, cancellationToken);
            }

            await signInManager.SignOutAsync();
            return Unit.Value;
        }

        // A save that lost a race with another change of the account is tried again on a fresh copy:
        // a sign-out that did not rotate the stamp would leave the session open.
        private async Task RotateStampAsync(string accountId, CancellationToken cancellationToken)
        {
            var users = signInManager.UserManager;
            var account = await users.FindByIdAsync(accountId);
            for (var attempt = 1; account is not null; attempt++)
            {
                var result = await users.UpdateSecurityStampAsync(account);
                if (result.Succeeded)
                {
                    return;
                }

                if (attempt == 3)
                {
                    throw new InvalidOperationException("The session could not be ended: " + string.Join(" ", result.Errors.Select(e => e.Description)));
                }

                await db.Entry(account).ReloadAsync(cancellationToken);
            }
        }
    }
}
