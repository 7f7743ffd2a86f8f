using FailingWell.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>Invites someone: an account with a role and no password, and an email with a one-time link to set one.</summary>
public static class InviteAccount
{
    public sealed class Command : Change<string>
    {
        public string? Email { get; set; }

        public string? DisplayName { get; set; }

        public string? Role { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UserManager<StaffAccount> users)
        {
            RuleFor(c => c.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter their full name")
                .MaximumLength(200).WithMessage("The name must be 200 characters or fewer");
            RuleFor(c => c.Email)
                .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Enter their email address")
                .EmailAddress().WithMessage("Enter an email address in the correct format, like name@trust.nhs.uk")
                .MustAsync(async (e, _) => string.IsNullOrWhiteSpace(e) || await users.FindByEmailAsync(e.Trim()) is null)
                .WithMessage("An account with this email address already exists");
            RuleFor(c => c.Role).Must(r => StaffRoles.All.Contains(r)).WithMessage("Choose a role");
            // The Guardian role needs a guardian's approval (decision 0094): asked for once the account exists.
            RuleFor(c => c.Role).Must(r => r != StaffRoles.Guardian)
                .WithMessage("Invite them with another role, then ask for the Guardian role under 'Change role': a guardian must approve it");
        }
    }

    public sealed class Handler(UserManager<StaffAccount> users, IEmailOutbox outbox, IConfiguration configuration, TimeProvider clock) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var email = request.Email!.Trim();
            var account = new StaffAccount { UserName = email, Email = email, DisplayName = request.DisplayName!.Trim(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            Check(request, await users.CreateAsync(account));
            Check(request, await users.AddToRoleAsync(account, request.Role!));
            var token = await users.GeneratePasswordResetTokenAsync(account);
            var site = configuration.SiteBaseUrl();
            var link = $"{site}/account/invitation?id={Uri.EscapeDataString(account.Id)}&token={Uri.EscapeDataString(token)}";
            var hours = configuration.GetValue("Accounts:InvitationHours", 72.0);
            outbox.Enqueue(new EmailMessage(email, "You are invited to FailingWell", $"""
                Hello {account.DisplayName},

                You have been given a FailingWell account as {request.Role}. Choose your password here:
                {link}

                The link works once and for {hours:0.#} hours. After choosing a password you will set up an
                authenticator app on your phone.
                """));
            request.AuditAction = $"Invited {email} as {request.Role}";
            return account.Id;
        }

        private static void Check(Command request, IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw RequestValidationException.For(request, nameof(Command.Email), string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}
