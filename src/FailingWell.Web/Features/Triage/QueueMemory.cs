using System.Security.Cryptography;
using FailingWell.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;

namespace FailingWell.Web.Features.Triage;

/// <summary>
/// The lead's last filter of the queue, for the browser session: a cookie with no expiry, encrypted
/// with the site's key ring (a search may hold words from a report) and bound to the account, so
/// another lead on the same browser never opens it (docs/decisions/0062).
/// </summary>
public sealed class QueueMemory(IDataProtectionProvider protection, IHostEnvironment environment)
{
    private const string Name = "FailingWell.Queue";

    public string CookieName => environment.IsProduction() ? ProductionExtensions.HostOnlyPrefix + Name : Name;

    public string? Recall(HttpContext context, string accountId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var kept) || string.IsNullOrEmpty(kept))
        {
            return null;
        }

        try
        {
            return Protector(accountId).Unprotect(kept);
        }
        catch (CryptographicException)
        {
            return null; // another account's, an old key's, or made up: nothing to restore
        }
    }

    public void Remember(HttpContext context, string accountId, string query)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (query.Length == 0)
        {
            Forget(context);
            return;
        }

        context.Response.Cookies.Append(CookieName, Protector(accountId).Protect(query), Options(context));
    }

    public void Forget(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, Options(context));
    }

    private IDataProtector Protector(string accountId) => protection.CreateProtector("FailingWell.Triage.QueueMemory", accountId);

    // No Expires: the browser forgets it when the session ends. Path=/ and Secure for the __Host- name.
    private CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        IsEssential = true,
        Path = "/",
        SameSite = SameSiteMode.Strict,
        Secure = environment.IsProduction() || context.Request.IsHttps,
    };
}
