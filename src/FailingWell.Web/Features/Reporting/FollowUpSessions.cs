using Microsoft.AspNetCore.DataProtection;

namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// A reporter who has entered their receipt code carries an encrypted, time-limited token in a hidden
/// form field from page to page. No cookie, nothing in the URL, nothing stored: the session ends when
/// the page is closed or after <see cref="IdleLimit"/> without a click, because each page issues a
/// fresh token that lives that long.
/// </summary>
public sealed class FollowUpSessions(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(20);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("FailingWell.Reporting.FollowUp.v1").ToTimeLimitedDataProtector();

    public string Issue(int reportId) => Issue(reportId, clock.GetUtcNow() + IdleLimit);

    public string Issue(int reportId, DateTimeOffset expires) =>
        _protector.Protect(reportId.ToString(System.Globalization.CultureInfo.InvariantCulture), expires);

    /// <summary>The report the token opens, or null when it is missing, tampered with or has expired.</summary>
    public int? Open(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return int.Parse(_protector.Unprotect(token), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
