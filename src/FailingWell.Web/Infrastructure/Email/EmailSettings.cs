namespace FailingWell.Web.Infrastructure.Email;

/// <summary>
/// The <c>Email</c> configuration section. With no <c>Smtp:Host</c>, mail is written as .eml files
/// to <see cref="PickupDirectory"/> (the embedded default), so nothing is lost on a laptop.
/// </summary>
public sealed class EmailSettings
{
    public const string Section = "Email";

    public string From { get; set; } = "FailingWell <no-reply@failingwell.invalid>";

    public string PickupDirectory { get; set; } = "";

    public SmtpSettings Smtp { get; set; } = new();

    public int DeliveryIntervalSeconds { get; set; } = 30;

    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed attempts an email is marked failed for an admin to retry.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// Sent emails are deleted this many days after sending: an old row keeps an address and a time
    /// that nobody needs once the email has gone.
    /// </summary>
    public int KeepSentDays { get; set; } = 7;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

/// <summary>How the connection to the relay is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS; a relay that does not offer it is refused.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,

    /// <summary>No TLS at all: only for a relay on the same host or a network the trust vouches for.</summary>
    None,
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>
    /// StartTls, SslOnConnect or None; not set, <see cref="EnableSsl"/> decides (see <see cref="EffectiveSecurity"/>).
    /// Bound by hand in <see cref="EmailExtensions"/> so a wrong word is a clear start-up error.
    /// </summary>
    public SmtpSecurity? Security { get; set; }

    /// <summary>The setting before MailKit (System.Net.Mail's), honoured when <see cref="Security"/> is not set.</summary>
    public bool? EnableSsl { get; set; }

    /// <summary>
    /// A PEM file of certificate authorities (a trust's internal CA) that may also vouch for the relay's
    /// certificate, besides the system's store. Relative to the content root.
    /// </summary>
    public string? CertificateAuthorityPath { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// What the connection uses: <see cref="Security"/> when said; otherwise the old <see cref="EnableSsl"/>
    /// true on port 465 meant implicit TLS; anything else is STARTTLS, required. Turning TLS off takes
    /// <c>Security=None</c> said in so many words.
    /// </summary>
    public SmtpSecurity EffectiveSecurity => Security
        ?? (EnableSsl == true && Port == 465 ? SmtpSecurity.SslOnConnect : SmtpSecurity.StartTls);

    /// <summary>A relay on this machine: the one place a password may go without TLS.</summary>
    public bool IsLoopbackHost =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(Host, out var address) && System.Net.IPAddress.IsLoopback(address));
}
