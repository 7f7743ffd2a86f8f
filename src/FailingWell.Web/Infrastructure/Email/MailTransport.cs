using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Infrastructure.Email;

/// <summary>Hands one email to the outside world.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}

/// <summary>
/// System.Net.Mail.SmtpClient: to an SMTP relay when one is configured, otherwise into a pickup
/// directory of .eml files. (MailKit, the usual choice, is not in the package registry we build from.)
/// </summary>
public sealed class SmtpMailTransport(IOptions<EmailSettings> options) : IMailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        using var message = new MailMessage(settings.From, email.To, email.Subject, email.Body)
        {
            IsBodyHtml = false,
        };
        message.Headers.Add("X-FailingWell-Outbox-Id", email.Id.ToString("N"));

        using var client = new SmtpClient();
        if (settings.UsesSmtp)
        {
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            client.Host = settings.Smtp.Host!;
            client.Port = settings.Smtp.Port;
            client.EnableSsl = settings.Smtp.EnableSsl;
            client.Timeout = settings.Smtp.TimeoutSeconds * 1000;
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                client.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);
            }
        }
        else
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = settings.PickupDirectory;
        }

        await client.SendMailAsync(message, cancellationToken);
    }
}
