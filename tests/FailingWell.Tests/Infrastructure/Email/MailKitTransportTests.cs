using System.Globalization;
using FailingWell.Web.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FailingWell.Tests.Infrastructure.Email;

/// <summary>
/// MailKit against a real relay (aiosmtpd) speaking TLS with certificates from a test CA that serves
/// its revocation list: what is sent, and what is refused while the email stays queued.
/// </summary>
public sealed class MailKitTransportTests
{
    private static FailingWellApp AppRelayingTo(SmtpServer smtp, string security, TestCertificateAuthority? trusted, string host = "127.0.0.1")
    {
        var app = new FailingWellApp()
            .With("Email:Smtp:Host", host)
            .With("Email:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture))
            .With("Email:Smtp:Security", security)
            .With("Email:Smtp:TimeoutSeconds", "10");
        return trusted is null ? app : app.With("Email:Smtp:CertificateAuthorityPath", trusted.CertificatePath);
    }

    private static async Task<Guid> QueueAsync(FailingWellApp app)
    {
        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Enqueue(new EmailMessage("lead@trust.nhs.uk", "A report needs your attention", "Open it here: http://localhost/triage/FW-2026-000001"));
        await db.SaveChangesAsync();
        return (await db.OutboxEmails.SingleAsync()).Id;
    }

    private static async Task<OutboxEmail> DeliverAsync(FailingWellApp app, Guid id)
    {
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(CancellationToken.None);
        }

        await using var check = app.Scope();
        return await FailingWellApp.NewDbContext(check).OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private static void AssertRefusedAndQueued(OutboxEmail email, SmtpServer smtp)
    {
        Assert.Equal(OutboxEmailStatus.Queued, email.Status);
        Assert.Equal(1, email.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(email.LastError));
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task STARTTLS_relay_whose_certificate_the_configured_CA_issued_receives_the_email()
    {
        await using var ca = await TestCertificateAuthority.CreateAsync();
        var (certificate, key, _) = ca.Issue("relay.trust.test", IPAddress.Loopback);
        await using var smtp = await SmtpServer.StartAsync(SmtpTls.StartTls, certificate, key);
        using var app = AppRelayingTo(smtp, "StartTls", ca);
        var id = await QueueAsync(app);

        var email = await DeliverAsync(app, id);

        Assert.Equal(OutboxEmailStatus.Sent, email.Status);
        var received = Assert.Single(smtp.Messages());
        Assert.Contains("A report needs your attention", received, StringComparison.Ordinal);
        Assert.Contains(id.ToString("N"), received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Implicit_TLS_relay_receives_the_email()
    {
        await using var ca = await TestCertificateAuthority.CreateAsync();
        var (certificate, key, _) = ca.Issue("relay.trust.test", IPAddress.Loopback);
        await using var smtp = await SmtpServer.StartAsync(SmtpTls.Implicit, certificate, key);
        using var app = AppRelayingTo(smtp, "SslOnConnect", ca);
        var id = await QueueAsync(app);

        var email = await DeliverAsync(app, id);

        Assert.Equal(OutboxEmailStatus.Sent, email.Status);
        Assert.Single(smtp.Messages());
    }

    [Fact]
    public async Task Certificate_from_a_CA_nobody_configured_is_refused_and_the_email_stays_queued()
    {
        await using var stranger = await TestCertificateAuthority.CreateAsync();
        await using var ours = await TestCertificateAuthority.CreateAsync();
        var (certificate, key, _) = stranger.Issue("relay.trust.test", IPAddress.Loopback);
        await using var smtp = await SmtpServer.StartAsync(SmtpTls.StartTls, certificate, key);
        using var app = AppRelayingTo(smtp, "StartTls", ours);
        var id = await QueueAsync(app);

        AssertRefusedAndQueued(await DeliverAsync(app, id), smtp);
    }

    [Fact]
    public async Task Certificate_without_any_configured_CA_is_judged_by_the_system_store_alone_and_refused()
    {
        await using var ca = await TestCertificateAuthority.CreateAsync();
        var (certificate, key, _) = ca.Issue("relay.trust.test", IPAddress.Loopback);
        await using var smtp = await SmtpServer.StartAsync(SmtpTls.Implicit, certificate, key);
        using var app = AppRelayingTo(smtp, "SslOnConnect", trusted: null);
        var id = await QueueAsync(app);

        AssertRefusedAndQueued(await DeliverAsync(app, id), smtp);
    }

    [Fact]
    public async Task Certificate_for_another_host_name_is_refused_even_from_the_trusted_CA()
    {
        await using var ca = await TestCertificateAuthority.CreateAsync();
        // Issued for relay.trust.test only; the app connects to 127.0.0.1.
        var (certificate, key, _) = ca.Issue("relay.trust.test");
        await using var smtp = await SmtpServer.StartAsync(SmtpTls.StartTls, certificate, key);
        using var app = AppRelayingTo(smtp, "StartTls", ca);
        var id = await QueueAsync(app);

        AssertRefusedAndQueued(await DeliverAsync(app, id), smtp);
    }

    [Fact]
    public async Task Revoked_certificate_is_refused()
    {
        await using var ca = await TestCertificateAuthority.CreateAsync();
        var (certificate, key, serial) = ca.Issue("relay.trust.test", IPAddress.Loopback);
        ca.Revoke(serial);
        await using var smtp = await SmtpServer.StartAsync(SmtpTls.StartTls, certificate, key);
        using var app = AppRelayingTo(smtp, "StartTls", ca);
        var id = await QueueAsync(app);

        AssertRefusedAndQueued(await DeliverAsync(app, id), smtp);
    }

    [Fact]
    public async Task Plain_relay_is_refused_when_nothing_said_turns_TLS_off()
    {
        await using var smtp = await SmtpServer.StartAsync();
        using var app = new FailingWellApp()
            .With("Email:Smtp:Host", "127.0.0.1")
            .With("Email:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture));
        var id = await QueueAsync(app);

        var email = await DeliverAsync(app, id);

        AssertRefusedAndQueued(email, smtp);
        Assert.Contains("STARTTLS", email.LastError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Relay_asking_for_authentication_accepts_the_configured_user_over_TLS()
    {
        await using var ca = await TestCertificateAuthority.CreateAsync();
        var (certificate, key, _) = ca.Issue("relay.trust.test", IPAddress.Loopback);
        await using var smtp = await SmtpServer.StartAsync(SmtpTls.StartTls, certificate, key, "failingwell", "relay password");
        using var app = AppRelayingTo(smtp, "StartTls", ca)
            .With("Email:Smtp:UserName", "failingwell")
            .With("Email:Smtp:Password", "relay password");
        var id = await QueueAsync(app);

        Assert.Equal(OutboxEmailStatus.Sent, (await DeliverAsync(app, id)).Status);
        Assert.Single(smtp.Messages());
    }

    [Fact]
    public async Task Wrong_password_is_a_failed_attempt_and_nothing_is_sent()
    {
        await using var ca = await TestCertificateAuthority.CreateAsync();
        var (certificate, key, _) = ca.Issue("relay.trust.test", IPAddress.Loopback);
        await using var smtp = await SmtpServer.StartAsync(SmtpTls.StartTls, certificate, key, "failingwell", "relay password");
        using var app = AppRelayingTo(smtp, "StartTls", ca)
            .With("Email:Smtp:UserName", "failingwell")
            .With("Email:Smtp:Password", "not it");
        var id = await QueueAsync(app);

        AssertRefusedAndQueued(await DeliverAsync(app, id), smtp);
    }

    [Fact]
    public async Task Transport_refuses_to_send_a_password_without_TLS_to_a_relay_on_another_host()
    {
        var settings = new EmailSettings
        {
            Smtp = new SmtpSettings { Host = "relay.trust.test", Port = 25, Security = SmtpSecurity.None, UserName = "failingwell", Password = "secret" },
        };
        var transport = new MailKitTransport(Options.Create(settings));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => transport.SendAsync(new OutboxEmail { To = "lead@trust.nhs.uk", Subject = "S", Body = "B" }, CancellationToken.None));
        Assert.Contains("without TLS", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pickup_file_has_CRLF_line_endings_parses_with_MimeKit_and_leaves_no_partial_file()
    {
        using var app = new FailingWellApp();
        var id = await QueueAsync(app);

        Assert.Equal(OutboxEmailStatus.Sent, (await DeliverAsync(app, id)).Status);

        var file = Assert.Single(Directory.GetFiles(app.MailFolder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                Assert.True(i > 0 && bytes[i - 1] == (byte)'\r', $"a bare LF at byte {i}");
            }
        }

        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("A report needs your attention", message.Subject);
        Assert.Equal("lead@trust.nhs.uk", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal(id.ToString("N"), message.Headers[MailKitTransport.OutboxIdHeader]);
        Assert.Contains("FW-2026-000001", message.TextBody, StringComparison.Ordinal);
    }
}
