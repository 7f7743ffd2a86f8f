using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Account;

/// <summary>The second step of signing in: the code from the authenticator app.</summary>
public static class SignInWithCode
{
    public enum Outcome
    {
        SignedIn,
        Failed,
        LockedOut,
        Expired,
    }

    public sealed class Command : IRequest<Outcome>
    {
        public string Code { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).AuthenticatorCode();
    }

    public sealed class Handler(SignInManager<StaffAccount> signInManager, TimeProvider clock) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var account = await signInManager.GetTwoFactorAuthenticationUserAsync();
            if (account is null)
            {
                return Outcome.Expired;
            }

            var result = await signInManager.TwoFactorAuthenticatorSignInAsync(request.Code.Replace(" ", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
            if (result.Succeeded)
            {
                account.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
                await signInManager.UserManager.UpdateAsync(account);
            }

            return result.Succeeded ? Outcome.SignedIn : result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed;
        }
    }
}
