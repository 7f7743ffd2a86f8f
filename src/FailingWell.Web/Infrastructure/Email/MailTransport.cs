using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace FailingWell.Web.Infrastructure.Email;

/// <summary>Hands one email to the outside world.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}

/// <summary>
/// MailKit: to an SMTP relay when one is configured (TLS as <see cref="SmtpSettings.EffectiveSecurity"/>
/// says, the certificate always validated), otherwise into a pickup directory of .eml files written
/// by MimeKit. Every failure is an exception, which <see cref="OutboxDelivery"/> records and retries.
/// </summary>
public sealed class MailKitTransport(IOptions<EmailSettings> options) : IMailTransport
{
    /// <summary>The header that ties a delivered email to its outbox row.</summary>
    public const string OutboxIdHeader = "X-FailingWell-Outbox-Id";

    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        using var message = Compose(settings.From, email);
        if (settings.UsesSmtp)
        {
            await RelayAsync(settings.Smtp, message, cancellationToken);
        }
        else
        {
            await DropAsync(settings.PickupDirectory, email.Id, message, cancellationToken);
        }
    }

    public static MimeMessage Compose(string from, OutboxEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Headers.Add(OutboxIdHeader, email.Id.ToString("N"));
        message.Body = new TextPart(TextFormat.Plain) { Text = email.Body };
        return message;
    }

    private static async Task RelayAsync(SmtpSettings smtp, MimeMessage message, CancellationToken cancellationToken)
    {
        var security = smtp.EffectiveSecurity;
        var authenticate = !string.IsNullOrEmpty(smtp.UserName);
        // Start-up validation refuses this too; checked again here because it is the line that must not be crossed.
        if (authenticate && security == SmtpSecurity.None && !smtp.IsLoopbackHost)
        {
            throw new InvalidOperationException(
                $"Refused to send the password for {smtp.Host} without TLS (Email:Smtp:Security=None); use StartTls or SslOnConnect.");
        }

        using var client = new SmtpClient
        {
            Timeout = smtp.TimeoutSeconds * 1000,
            CheckCertificateRevocation = true,
            ServerCertificateValidationCallback = RelayCertificates.Validator(
                string.IsNullOrWhiteSpace(smtp.CertificateAuthorityPath) ? null : RelayCertificates.Load(smtp.CertificateAuthorityPath)),
        };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Options(security), cancellationToken);
            if (authenticate)
            {
                await client.AuthenticateAsync(smtp.UserName!, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A relay that stops answering is a failed attempt to retry, not a shutdown.
            throw new TimeoutException($"The SMTP relay {smtp.Host}:{smtp.Port} did not answer within {smtp.TimeoutSeconds} seconds.", exception);
        }
    }

    private static SecureSocketOptions Options(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, null),
    };

    /// <summary>
    /// Writes the email under a temporary name and renames it when complete, so whatever watches the
    /// folder never picks up half a file. CRLF line endings, as SMTP and mail servers' pickup folders expect.
    /// </summary>
    private static async Task DropAsync(string folder, Guid id, MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var final = Path.Combine(folder, id.ToString("N") + ".eml");
        var partial = Path.Combine(folder, "." + id.ToString("N") + ".eml.tmp");
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await message.WriteToAsync(format, file, cancellationToken);
            await file.FlushAsync(cancellationToken);
        }

        File.Move(partial, final, overwrite: true);
    }
}

/// <summary>How the relay's certificate is judged: always validated, never waved through.</summary>
public static class RelayCertificates
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    public static X509Certificate2Collection Load(string path)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(path);
        return authorities;
    }

    public static bool CanLoad(string path)
    {
        try
        {
            return Load(path).Count > 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>
    /// Accepts what the system's validation accepts. When that fails only on the chain (an issuer the
    /// system does not know) and the operator named certificate authorities, the chain is built again
    /// trusting those, with revocation checked online. A wrong name or a missing certificate is never forgiven.
    /// </summary>
    public static RemoteCertificateValidationCallback Validator(X509Certificate2Collection? authorities) =>
        (_, certificate, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (errors != SslPolicyErrors.RemoteCertificateChainErrors || authorities is null || authorities.Count == 0 || certificate is null)
            {
                return false;
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(authorities);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.Online;
            custom.ChainPolicy.RevocationFlag = X509RevocationFlag.ExcludeRoot;
            custom.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
            if (chain is not null)
            {
                // The intermediates the relay sent.
                foreach (var element in chain.ChainElements)
                {
                    custom.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            try
            {
                return custom.Build(leaf);
            }
            finally
            {
                if (!ReferenceEquals(leaf, certificate))
                {
                    leaf.Dispose();
                }
            }
        };
}
