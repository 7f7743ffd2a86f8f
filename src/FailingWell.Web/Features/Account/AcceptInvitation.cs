using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Account;

/// <summary>Sets the password an invitation asked for, once, while its link is still valid.</summary>
public static class AcceptInvitation
{
    public const string Expired = "This invitation link has expired or has already been used. Ask a FailingWell administrator to invite you again.";

    public sealed class Command : IRequest<bool>
    {
        public string AccountId { get; set; } = "";

        public string Token { get; set; } = "";

        public string? Password { get; set; }

        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Password).Must(p => p is { Length: >= 12 }).WithMessage("Enter a password of at least 12 characters");
            RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage("The passwords do not match");
        }
    }

    public sealed class Handler(UserManager<StaffAccount> users) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var account = await users.FindByIdAsync(request.AccountId);
            if (account is null || account.IsDisabled)
            {
                return false;
            }

            // The token is tied to the account's security stamp, which setting a password changes:
            // the link works once.
            var result = await users.ResetPasswordAsync(account, request.Token, request.Password!);
            // A right link with a refused password (a common one) keeps the link working: say why, at the field.
            var refusedPassword = result.Errors.Where(e => e.Code.Contains("Password", StringComparison.Ordinal)).Select(e => e.Description).ToList();
            if (!result.Succeeded && refusedPassword.Count > 0)
            {
                throw RequestValidationException.For(request, nameof(Command.Password), string.Join(" ", refusedPassword));
            }

            if (!result.Succeeded)
            {
                return false;
            }

            account.EmailConfirmed = true;
            await users.UpdateAsync(account);
            return true;
        }
    }
}
