using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Account.Organisation;

/// <summary>
/// After the provider has proved who someone is (Identity's external cookie holds its claims): finds
/// the FailingWell account that person may open, and signs it in as a password sign-in would. Only an
/// account an admin created or invited opens: matched once by a verified email address, then by the
/// provider's own id for the person (issuer + sub), never by email again (docs/decisions/0126).
/// </summary>
public static class SignInWithOrganisation
{
    public const string MethodName = "organisation account";

    public enum Outcome
    {
        /// <summary>Two factors proved at the provider: signed in.</summary>
        SignedIn,

        /// <summary>One factor at the provider: FailingWell's own authenticator code comes next.</summary>
        NeedsAuthenticatorCode,

        /// <summary>One factor at the provider and no authenticator yet: set one up.</summary>
        NeedsEnrolment,

        /// <summary>No provider sign-in to finish (opened directly, or already used).</summary>
        Expired,

        Refused,
    }

    public sealed record Result(Outcome Outcome, string? Problem = null);

    public sealed class Command : IRequest<Result>;

    /// <summary>What the provider said about the person, read from its token's claims.</summary>
    public sealed record ProviderIdentity(string Issuer, string Subject, string? Email, bool EmailVerified, bool MultiFactor, IReadOnlyList<string> Groups, string? Name)
    {
        // RFC 8176 methods: a possession or biometric method beside the password, or the provider's own
        // "mfa"/"mca", is a second factor (Entra's Conditional Access says "mfa").
        private static readonly HashSet<string> SecondFactorMethods = new(StringComparer.OrdinalIgnoreCase)
        {
            "mfa", "mca", "otp", "hwk", "swk", "sc", "fido", "sms", "tel", "fpt", "face", "iris", "retina", "vbm",
        };

        public static ProviderIdentity? From(ClaimsPrincipal principal, OrganisationSignInSettings settings)
        {
            ArgumentNullException.ThrowIfNull(principal);
            ArgumentNullException.ThrowIfNull(settings);
            var subject = principal.FindFirst(settings.SubjectClaim) ?? principal.FindFirst("sub");
            if (subject is null || string.IsNullOrWhiteSpace(subject.Value))
            {
                return null;
            }

            var email = principal.FindFirst(settings.EmailClaim)?.Value;
            // Entra's upn is the tenant's own name for the person, so its tenant vouches for it; an
            // email claim counts only when the provider says it checked it.
            var verified = settings.EmailClaim == "upn"
                ? !string.IsNullOrWhiteSpace(email)
                : string.Equals(principal.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase);
            var acr = principal.FindFirst("acr")?.Value;
            var multiFactor = principal.FindAll("amr").Any(c => SecondFactorMethods.Contains(c.Value))
                || (acr is not null && settings.AcrValueList.Contains(acr, StringComparer.Ordinal));
            return new ProviderIdentity(subject.Issuer, subject.Value, email?.Trim(), verified, multiFactor,
                [.. principal.FindAll("groups").Select(c => c.Value)], principal.FindFirst("name")?.Value);
        }
    }

    public sealed class Handler(
        SignInManager<StaffAccount> signIn,
        IOptions<OrganisationSignInSettings> options,
        FailingWellDbContext db,
        TimeProvider clock,
        ILogger<Handler> logger) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var http = signIn.Context;
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            if (!external.Succeeded || external.Principal is null)
            {
                return new Result(Outcome.Expired);
            }

            // What the provider proved is used once, whatever comes of it.
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var settings = options.Value;
            var person = ProviderIdentity.From(external.Principal, settings);
            if (person is null)
            {
                return Refuse(OrganisationSignInProblems.InvalidToken, "the token named nobody (no subject)");
            }

            var users = signIn.UserManager;
            var account = await users.FindByLoginAsync(person.Issuer, person.Subject);
            var linking = false;
            if (account is null)
            {
                if (!person.EmailVerified || string.IsNullOrWhiteSpace(person.Email))
                {
                    return Refuse(OrganisationSignInProblems.EmailNotVerified, "no verified email address");
                }

                account = await users.FindByEmailAsync(person.Email);
                if (account is null)
                {
                    return Refuse(OrganisationSignInProblems.NotInvited, "no account has this email address");
                }

                // Already linked to another person at this provider: the address was given to someone
                // new (a recycled mailbox), who does not inherit the account.
                if ((await users.GetLoginsAsync(account)).Any(l => l.LoginProvider == person.Issuer))
                {
                    await AuditAsync(account, "Organisation sign-in refused: another organisation account with this email address", cancellationToken);
                    return Refuse(OrganisationSignInProblems.NotInvited, "the account is linked to another subject");
                }

                linking = true;
            }

            if (account.IsDisabled || await users.IsLockedOutAsync(account) || !await signIn.CanSignInAsync(account))
            {
                await AuditAsync(account, "Organisation sign-in refused: the account is switched off or locked", cancellationToken);
                return Refuse(OrganisationSignInProblems.AccountDisabled, "the account is disabled or locked");
            }

            if (settings.RequireProviderMfa && !person.MultiFactor)
            {
                await AuditAsync(account, "Organisation sign-in refused: the organisation did not ask for two factors", cancellationToken);
                return Refuse(OrganisationSignInProblems.MfaRequired, "the provider's sign-in had one factor");
            }

            if (linking)
            {
                var linked = await users.AddLoginAsync(account, new UserLoginInfo(person.Issuer, person.Subject, MethodName));
                if (!linked.Succeeded)
                {
                    return Refuse(OrganisationSignInProblems.NotInvited, "the link could not be saved");
                }

                await AuditAsync(account, "Organisation account linked to this account (first sign-in with it)", cancellationToken);
            }

            await ApplyGroupRolesAsync(account, person, settings, cancellationToken);
            var method = new Claim(ClaimTypes.AuthenticationMethod, OrganisationSignInModule.Scheme);
            if (person.MultiFactor)
            {
                await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim("amr", "mfa"), method]);
                await SignedInAsync(account, "Signed in with an organisation account (two factors at the organisation)", cancellationToken);
                return new Result(Outcome.SignedIn);
            }

            if (account.TwoFactorEnabled)
            {
                // Identity's own second step, as after a password: SignInWithCode finishes it.
                var pending = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
                pending.AddClaim(new Claim(ClaimTypes.Name, account.Id));
                pending.AddClaim(method);
                await http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
                await AuditAsync(account, "Signed in with an organisation account; FailingWell's authenticator code asked for", cancellationToken);
                return new Result(Outcome.NeedsAuthenticatorCode);
            }

            await signIn.SignInWithClaimsAsync(account, isPersistent: false, [method]);
            await SignedInAsync(account, "Signed in with an organisation account; an authenticator to be set up", cancellationToken);
            return new Result(Outcome.NeedsEnrolment);
        }

        // Roles stay FailingWell's: a mapped directory group sets them at sign-in, only when one matches,
        // and never gives or takes the guardian role (it needs a guardian's approval).
        private async Task ApplyGroupRolesAsync(StaffAccount account, ProviderIdentity person, OrganisationSignInSettings settings, CancellationToken cancellationToken)
        {
            var mapped = settings.GroupRoleMappings.Where(m => person.Groups.Contains(m.Key, StringComparer.Ordinal)).Select(m => m.Value)
                .Where(role => role != StaffRoles.Guardian).Distinct(StringComparer.Ordinal).ToList();
            if (mapped.Count == 0)
            {
                return;
            }

            var users = signIn.UserManager;
            var current = (await users.GetRolesAsync(account)).Where(r => r != StaffRoles.Guardian).ToList();
            var add = mapped.Except(current, StringComparer.Ordinal).ToList();
            var remove = current.Except(mapped, StringComparer.Ordinal).ToList();
            if (add.Count == 0 && remove.Count == 0)
            {
                return;
            }

            await users.RemoveFromRolesAsync(account, remove);
            await users.AddToRolesAsync(account, add);
            await AuditAsync(account, $"Role set to {string.Join(", ", mapped)} from the organisation's directory groups", cancellationToken);
        }

        private async Task SignedInAsync(StaffAccount account, string action, CancellationToken cancellationToken)
        {
            account.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
            await signIn.UserManager.UpdateAsync(account);
            await AuditAsync(account, action, cancellationToken);
        }

        private async Task AuditAsync(StaffAccount account, string action, CancellationToken cancellationToken)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = clock.GetUtcNow().UtcDateTime,
                AccountId = account.Id,
                AccountName = account.DisplayName,
                Action = action,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        private Result Refuse(string problem, string why)
        {
            // Who it was stays at the provider: the log says why, never the address or the subject.
            OrganisationSignInLog.Refused(logger, why);
            return new Result(Outcome.Refused, problem);
        }
    }
}
