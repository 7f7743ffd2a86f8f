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

    // The expiry travels inside the protected payload and is checked against the application's
    // clock, the same clock that set it (a time-limited protector would check the machine's).
    private readonly IDataProtector _protector = protection.CreateProtector("FailingWell.Reporting.FollowUp.v2");

    public string Issue(int reportId) => Issue(reportId, clock.GetUtcNow() + IdleLimit);

    public string Issue(int reportId, DateTimeOffset expires) =>
        _protector.Protect(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{reportId}|{expires.UtcTicks}"));

    /// <summary>A speak-up case's token: "c" before the id, so a report's reader never opens it.</summary>
    public string IssueForCase(int caseId) =>
        _protector.Protect(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"c{caseId}|{(clock.GetUtcNow() + IdleLimit).UtcTicks}"));

    /// <summary>The speak-up case the token opens, or null.</summary>
    public int? OpenCase(string? token) =>
        Read(token) is ['c', .. var id] && int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var caseId) ? caseId : null;

    private string? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('|');
            return parts.Length == 2
                && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expires)
                && clock.GetUtcNow().UtcTicks < expires
                ? parts[0]
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The report the token opens, or null when it is missing, tampered with or has expired.</summary>
    public int? Open(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('|');
            return parts.Length == 2
                && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var reportId)
                && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expires)
                && clock.GetUtcNow().UtcTicks < expires
                ? reportId
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
