using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Infrastructure.Accounts;

/// <summary>
/// What ends a staff session on the server, checked on every request that carries the cookie:
/// the account's security stamp has changed since the sign-in (sign-out, "sign out everywhere",
/// disabling, a role or two-factor change), or the sign-in is older than the absolute lifetime,
/// however often the sliding expiry renewed the cookie.
/// </summary>
public static class SessionRules
{
    /// <summary>The ticket property that holds when the person signed in (Unix seconds); renewals keep it.</summary>
    public const string SignedInAtKey = ".failingwell.signed-in-at";

    public static TimeSpan AbsoluteLifetime(IConfiguration configuration) =>
        TimeSpan.FromHours(configuration.GetValue("Accounts:SessionHours", 12.0));

    /// <summary>A new sign-in (password, code or enrolment) starts the clock; a refresh of one keeps it.</summary>
    public static Task OnSigningIn(CookieSigningInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Properties.Items.ContainsKey(SignedInAtKey))
        {
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            context.Properties.Items[SignedInAtKey] = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = AbsoluteLifetime(services.GetRequiredService<IConfiguration>());
        var signedInAt = context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
            && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : (DateTimeOffset?)null;
        // One indexed read by primary key a request: a stamp rotated by a sign-out elsewhere ends this
        // session at its next request, not at the next periodic check.
        if (signedInAt is null || now - signedInAt.Value >= lifetime
            || await services.GetRequiredService<SignInManager<StaffAccount>>().ValidateSecurityStampAsync(context.Principal) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // Identity's own check, every Accounts:SessionCheckSeconds, reloads roles and claims.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
