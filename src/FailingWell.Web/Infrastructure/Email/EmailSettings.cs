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

public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}
