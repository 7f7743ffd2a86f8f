using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Account;

/// <summary>
/// The first step of signing in: email and password, with lockout after repeated failures. An
/// unknown, disabled or locked account is answered exactly as a wrong password is, and costs the
/// same password hash, so neither the page nor its timing tells them apart.
/// </summary>
public static class PasswordSignIn
{
    public const string LockedOutMessage =
        "This account is locked because of too many failed attempts to sign in. Try again later, or ask an administrator to unlock it";

    /// <summary>The one answer for an unknown account, a wrong password and a locked or disabled account.</summary>
    public const string FailedMessage =
        "Enter a correct email address and password. After several wrong attempts an account is locked for a while: if you cannot sign in, ask an administrator";

    public enum Outcome
    {
        /// <summary>Signed in with the password alone: the account has no authenticator yet and must set one up.</summary>
        NeedsEnrolment,
        NeedsAuthenticatorCode,
        Failed,
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

    /// <summary>Authentication:LocalPasswords (default true). When false and an organisation sign-in is configured, only admins' passwords work: the break-glass way in.</summary>
    public static bool LocalPasswords(IConfiguration configuration) =>
        configuration.GetValue("Authentication:LocalPasswords", true) || string.IsNullOrEmpty(configuration["Authentication:OpenIdConnect:Authority"]);

    public sealed class Handler(SignInManager<StaffAccount> signInManager, IPasswordHasher<StaffAccount> hasher, TimeProvider clock, IConfiguration configuration) : IRequestHandler<Command, Outcome>
    {
        // A hash of a random password made by the application's hasher, as every stored one is, so
        // checking against it costs what checking a real one does. Made once a process.
        private static string? dummyHash;

        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var users = signInManager.UserManager;
            var candidate = await users.FindByNameAsync(request.Email.Trim());
            if (candidate is null || candidate.IsDisabled || await users.IsLockedOutAsync(candidate)
                || (!LocalPasswords(configuration) && !await users.IsInRoleAsync(candidate, StaffRoles.Admin)))
            {
                // Identity returns before hashing for these: hash anyway, against nothing real.
                var dummy = new StaffAccount();
                dummyHash ??= hasher.HashPassword(dummy, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
                hasher.VerifyHashedPassword(dummy, dummyHash, request.Password);
                return Outcome.Failed;
            }

            var result = await signInManager.PasswordSignInAsync(candidate, request.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.RequiresTwoFactor)
            {
                return Outcome.NeedsAuthenticatorCode;
            }

            if (!result.Succeeded)
            {
                return Outcome.Failed;
            }

            candidate.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(candidate);
            return Outcome.NeedsEnrolment;
        }
    }
}
