using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// One visit to /report/follow-up on one browser: a random value in a session cookie (path-bound,
/// HttpOnly, SameSite=Strict, no expiry, nothing about the report in it) that the code form and the
/// follow-up session must match. A code that opens a report starts a new visit, and Finish ends it,
/// so Back or Reload, which re-post the same form, cannot open the report again on a shared PC.
/// </summary>
public static class FollowUpVisit
{
    public const string CookieName = "FailingWell.FollowUp";
    private const string PagePath = "/report/follow-up";

    /// <summary>Starts a new visit, replacing any: forms and sessions of the last one stop working.</summary>
    public static string Start(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var visit = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(CookieName, visit, Options(context));
        context.Items[CookieName] = visit;
        return visit;
    }

    /// <summary>The visit this request belongs to (the one started during it, else the browser's), or "" for none.</summary>
    public static string Current(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[CookieName] as string ?? context.Request.Cookies[CookieName] ?? "";
    }

    public static bool Matches(HttpContext context, string? sent) => Same(Current(context), sent);

    public static void End(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName, Options(context));
        context.Items[CookieName] = "";
    }

    /// <summary>Equal and not empty, compared in constant time.</summary>
    public static bool Same(string? expected, string? sent) =>
        !string.IsNullOrEmpty(expected) && sent is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(sent));

    private static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = PagePath,
        IsEssential = true,
    };
}
