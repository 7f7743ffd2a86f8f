using FailingWell.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Features.Admin;

/// <summary>Staff accounts: who they are, their role, two-factor state, last sign-in and lock.</summary>
public static class People
{
    public sealed record Query : IRequest<IReadOnlyList<Person>>;

    public sealed record Person(string Id, string Name, string Email, string Role, bool TwoFactor, DateTime? LastSignInAtUtc, bool LockedOut, bool Disabled);

    public sealed class Handler(FailingWellDbContext db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Person>>
    {
        public async Task<IReadOnlyList<Person>> Handle(Query request, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var rows = await (from user in db.Users.OfType<StaffAccount>()
                              orderby user.DisplayName
                              select new
                              {
                                  user.Id, user.DisplayName, user.Email, user.TwoFactorEnabled, user.LastSignInAtUtc, user.LockoutEnd, user.IsDisabled,
                                  Roles = (from userRole in db.UserRoles join role in db.Roles on userRole.RoleId equals role.Id where userRole.UserId == user.Id select role.Name).ToList(),
                              }).ToListAsync(cancellationToken);
            return [.. rows.Select(r => new Person(r.Id, r.DisplayName, r.Email ?? "", string.Join(", ", r.Roles), r.TwoFactorEnabled, r.LastSignInAtUtc,
                !r.IsDisabled && r.LockoutEnd > now, r.IsDisabled))];
        }
    }

    /// <summary>Active admins other than the given account: there must always be one left.</summary>
    public static async Task<int> OtherActiveAdminsAsync(FailingWellDbContext db, string accountId, CancellationToken cancellationToken) =>
        await (from user in db.Users.OfType<StaffAccount>()
               join userRole in db.UserRoles on user.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == StaffRoles.Admin && !user.IsDisabled && user.Id != accountId
               select user.Id).Distinct().CountAsync(cancellationToken);

    public static async Task<StaffAccount> FindAsync<T>(UserManager<StaffAccount> users, AdminChange<T> change, string accountId) =>
        await users.FindByIdAsync(accountId) ?? throw change.Refuse("", "That account does not exist.");
}

/// <summary>Invites someone: an account with a role and no password, and an email with a one-time link to set one.</summary>
public static class InviteAccount
{
    public sealed class Command : AdminChange<string>
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
            request.AuditDescription = $"Invited {email} as {request.Role}";
            return account.Id;
        }

        private static void Check(Command request, IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw request.Refuse(nameof(Command.Email), string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}

public static class ChangeRole
{
    public sealed class Command : AdminChange<Unit>
    {
        public string AccountId { get; set; } = "";

        public string? Role { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Role).Must(r => StaffRoles.All.Contains(r)).WithMessage("Choose a role");
    }

    public sealed class Handler(UserManager<StaffAccount> users, FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var account = await People.FindAsync(users, request, request.AccountId);
            var current = await users.GetRolesAsync(account);
            if (current.Contains(StaffRoles.Admin) && request.Role != StaffRoles.Admin && !account.IsDisabled
                && await People.OtherActiveAdminsAsync(db, account.Id, cancellationToken) == 0)
            {
                throw request.Refuse(nameof(Command.Role), "This is the last active admin: make someone else an admin first");
            }

            await users.RemoveFromRolesAsync(account, current);
            await users.AddToRoleAsync(account, request.Role!);
            await users.UpdateSecurityStampAsync(account);
            request.AuditDescription = $"Changed the role of {account.Email} from {string.Join(", ", current)} to {request.Role}";
            return Unit.Value;
        }
    }
}

/// <summary>Disables an account: it cannot sign in, and its sessions end at the next security check.</summary>
public static class DisableAccount
{
    public sealed class Command : AdminChange<Unit>
    {
        public string AccountId { get; set; } = "";
    }

    public sealed class Handler(UserManager<StaffAccount> users, FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var account = await People.FindAsync(users, request, request.AccountId);
            if (await users.IsInRoleAsync(account, StaffRoles.Admin) && await People.OtherActiveAdminsAsync(db, account.Id, cancellationToken) == 0)
            {
                throw request.Refuse("", "This is the last active admin and cannot be disabled: make someone else an admin first.");
            }

            account.IsDisabled = true;
            account.LockoutEnd = DateTimeOffset.MaxValue;
            await users.UpdateAsync(account);
            await users.UpdateSecurityStampAsync(account);
            request.AuditDescription = $"Disabled {account.Email}";
            return Unit.Value;
        }
    }
}

public static class EnableAccount
{
    public sealed class Command : AdminChange<Unit>
    {
        public string AccountId { get; set; } = "";
    }

    public sealed class Handler(UserManager<StaffAccount> users) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var account = await People.FindAsync(users, request, request.AccountId);
            account.IsDisabled = false;
            account.LockoutEnd = null;
            account.AccessFailedCount = 0;
            await users.UpdateAsync(account);
            request.AuditDescription = $"Enabled {account.Email}";
            return Unit.Value;
        }
    }
}

/// <summary>For a lost phone: two-factor is switched off and must be set up again at the next sign-in.</summary>
public static class ResetTwoFactor
{
    public sealed class Command : AdminChange<Unit>
    {
        public string AccountId { get; set; } = "";
    }

    public sealed class Handler(UserManager<StaffAccount> users) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var account = await People.FindAsync(users, request, request.AccountId);
            await users.SetTwoFactorEnabledAsync(account, false);
            await users.ResetAuthenticatorKeyAsync(account);
            account.LastAuthenticatorStep = null;
            await users.UpdateAsync(account);
            await users.UpdateSecurityStampAsync(account);
            request.AuditDescription = $"Reset two-factor authentication for {account.Email}";
            return Unit.Value;
        }
    }
}

public static class UnlockAccount
{
    public sealed class Command : AdminChange<Unit>
    {
        public string AccountId { get; set; } = "";
    }

    public sealed class Handler(UserManager<StaffAccount> users) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var account = await People.FindAsync(users, request, request.AccountId);
            if (account.IsDisabled)
            {
                throw request.Refuse("", "This account is disabled: enable it instead.");
            }

            await users.SetLockoutEndDateAsync(account, null);
            await users.ResetAccessFailedCountAsync(account);
            request.AuditDescription = $"Unlocked {account.Email}";
            return Unit.Value;
        }
    }
}
