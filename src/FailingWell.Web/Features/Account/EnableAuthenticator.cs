using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Account;

/// <summary>Turns two-factor on for the signed-in account once it has typed a right code from its new app.</summary>
public static class EnableAuthenticator
{
    public sealed class Command : ICommand<bool>, IStaffRequest
    {
        [BindNever]
        public string ActorAccountId { get; set; } = "";

        public string Code { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).AuthenticatorCode();
    }

    public sealed class Handler(UserManager<StaffAccount> users, SignInManager<StaffAccount> signIn) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var account = await users.FindByIdAsync(request.ActorAccountId) ?? throw new InvalidOperationException("Account not found.");
            if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, request.Code.Replace(" ", "", StringComparison.Ordinal)))
            {
                return false;
            }

            await users.SetTwoFactorEnabledAsync(account, true);
            // This sign-in has now proved the second factor: mark it so, as a code sign-in would be.
            await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim("amr", "mfa")]);
            return true;
        }
    }
}
