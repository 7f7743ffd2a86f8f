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

    // The visit (see FollowUpVisit) travels in the token too: a token is good only on the browser's
    // current visit, so Finish, or opening a report again, ends every form of the last one.
    public string Issue(int reportId, string visit = "") => Issue(reportId, clock.GetUtcNow() + IdleLimit, visit);

    public string Issue(int reportId, DateTimeOffset expires, string visit = "") =>
        _protector.Protect(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{reportId}|{expires.UtcTicks}|{visit}"));

    /// <summary>A speak-up case's token: "c" before the id, so a report's reader never opens it.</summary>
    public string IssueForCase(int caseId, string visit = "") =>
        _protector.Protect(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"c{caseId}|{(clock.GetUtcNow() + IdleLimit).UtcTicks}|{visit}"));

    /// <summary>The speak-up case the token opens on <paramref name="visit"/>, or null.</summary>
    public int? OpenCase(string? token, string visit = "") =>
        Read(token, visit) is ['c', .. var id] && int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var caseId) ? caseId : null;

    /// <summary>The report the token opens on <paramref name="visit"/>, or null when it is missing, tampered with, expired or of another visit.</summary>
    public int? Open(string? token, string visit = "") =>
        Read(token, visit) is { } id && int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var reportId) ? reportId : null;

    private string? Read(string? token, string visit)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('|');
            return parts.Length == 3
                && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expires)
                && clock.GetUtcNow().UtcTicks < expires
                && (parts[2].Length == 0 ? visit.Length == 0 : FollowUpVisit.Same(parts[2], visit))
                ? parts[0]
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
