using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Account;

/// <summary>The first step of signing in: email and password, with lockout after repeated failures.</summary>
public static class PasswordSignIn
{
    public const string LockedOutMessage =
        "This account is locked because of too many failed attempts to sign in. Try again later, or ask an administrator to unlock it";

    public enum Outcome
    {
        SignedIn,
        NeedsAuthenticatorCode,
        Failed,
        LockedOut,
    }

    public sealed class Command : IRequest<Outcome>
    {
        public string Email { get; set; } = "";

        public string Password { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your email address");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password");
        }
    }

    public sealed class Handler(SignInManager<StaffAccount> signInManager, TimeProvider clock) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var candidate = await signInManager.UserManager.FindByNameAsync(request.Email.Trim());
            if (candidate is { IsDisabled: true })
            {
                return Outcome.Failed;
            }

            var result = await signInManager.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                return Outcome.LockedOut;
            }

            if (result.RequiresTwoFactor)
            {
                return Outcome.NeedsAuthenticatorCode;
            }

            if (!result.Succeeded)
            {
                return Outcome.Failed;
            }

            if (candidate is not null)
            {
                candidate.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
                await signInManager.UserManager.UpdateAsync(candidate);
            }

            return Outcome.SignedIn;
        }
    }
}
