using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>
/// Creates a staff account with one role. Used by the <c>users add</c> command-line verb, so a new
/// deployment can create its first administrator; the admin pages use it too.
/// </summary>
public static class AddAccount
{
    public sealed class Command : ICommand<Result>
    {
        public string Email { get; set; } = "";

        public string? DisplayName { get; set; }

        public string Role { get; set; } = "";

        public string Password { get; set; } = "";

        /// <summary>No password: the account opens only through the organisation's sign-in (users add --sso-only, decision 0126).</summary>
        public bool SsoOnly { get; set; }
    }

    public sealed record Result(string AccountId, string Email, string Role);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UserManager<StaffAccount> users)
        {
            RuleFor(c => c.Email)
                .NotEmpty().WithMessage("Enter an email address")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@trust.nhs.uk")
                .MustAsync(async (email, _) => await users.FindByEmailAsync(email.Trim()) is null)
                .WithMessage("An account with this email address already exists");
            RuleFor(c => c.Role)
                .Must(role => StaffRoles.All.Contains(role, StringComparer.OrdinalIgnoreCase))
                .WithMessage($"Choose a role: {string.Join(", ", StaffRoles.All)}");
            RuleFor(c => c.Password)
                .MinimumLength(12).WithMessage("Enter a password of at least 12 characters")
                .When(c => !c.SsoOnly);
        }
    }

    public sealed class Handler(UserManager<StaffAccount> users, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var email = request.Email.Trim();
            var role = StaffRoles.All.First(r => string.Equals(r, request.Role, StringComparison.OrdinalIgnoreCase));
            var account = new StaffAccount
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? email : request.DisplayName.Trim(),
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };

            Check(request.SsoOnly ? await users.CreateAsync(account) : await users.CreateAsync(account, request.Password));
            Check(await users.AddToRoleAsync(account, role));
            return new Result(account.Id, email, role);
        }

        // Identity reports password-policy failures as results: surface them as validation errors.
        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new RequestValidationException(typeof(Command), result.Errors.Select(e =>
                    new FluentValidation.Results.ValidationFailure(e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Command.Password) : nameof(Command.Email), e.Description)));
            }
        }
    }
}
