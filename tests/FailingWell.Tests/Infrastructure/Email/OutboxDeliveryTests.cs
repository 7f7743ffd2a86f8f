using FailingWell.Web.Infrastructure.Email;
using FailingWell.Web.Infrastructure.Scheduling;

namespace FailingWell.Tests.Infrastructure.Email;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class OutboxDeliveryTests
{
    private static FailingWellApp AppRelayingTo(int smtpPort) => new FailingWellApp()
        .With("Email:Smtp:Host", "127.0.0.1")
        .With("Email:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Email:Smtp:Security", "None");

    private static async Task<Guid> QueueAsync(FailingWellApp app, string to)
    {
        await using var scope = app.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        var db = FailingWellApp.NewDbContext(scope);
        outbox.Enqueue(new EmailMessage(to, "A report needs your attention", "Open it here: http://localhost/triage/FW-2026-000001"));
        await db.SaveChangesAsync();
        return (await db.OutboxEmails.SingleAsync(e => e.To == to)).Id;
    }

    private static async Task<DeliveryResult> DeliverAsync(FailingWellApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(CancellationToken.None);
    }

    private static async Task<OutboxEmail> ReloadAsync(FailingWellApp app, Guid id)
    {
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    [Fact]
    public async Task Queued_email_reaches_a_real_SMTP_server()
    {
        await using var smtp = await SmtpServer.StartAsync();
        using var app = AppRelayingTo(smtp.Port);
        var id = await QueueAsync(app, "lead@trust.nhs.uk");

        var result = await DeliverAsync(app);

        Assert.Equal(new DeliveryResult(1, 0), result);
        var received = Assert.Single(smtp.Messages());
        Assert.Contains("lead@trust.nhs.uk", received, StringComparison.Ordinal);
        Assert.Contains("A report needs your attention", received, StringComparison.Ordinal);
        var email = await ReloadAsync(app, id);
        Assert.Equal(OutboxEmailStatus.Sent, email.Status);
        Assert.Equal(1, email.Attempts);
        Assert.NotNull(email.SentAtUtc);
    }

    [Fact]
    public async Task Two_deliveries_running_at_once_send_each_email_only_once()
    {
        await using var smtp = await SmtpServer.StartAsync();
        using var app = AppRelayingTo(smtp.Port);
        for (var i = 0; i < 5; i++)
        {
            await QueueAsync(app, $"lead{i}@trust.nhs.uk");
        }

        var results = await Task.WhenAll(DeliverAsync(app), DeliverAsync(app));

        Assert.Equal(5, results.Sum(r => r.Sent));
        Assert.Equal(5, smtp.Messages().Count);
    }

    [Fact]
    public async Task Without_SMTP_configured_email_lands_as_an_eml_file()
    {
        using var app = new FailingWellApp();
        var id = await QueueAsync(app, "exec@trust.nhs.uk");

        await DeliverAsync(app);

        var file = Assert.Single(Directory.GetFiles(app.MailFolder, "*.eml"));
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("exec@trust.nhs.uk", text, StringComparison.Ordinal);
        Assert.Equal(OutboxEmailStatus.Sent, (await ReloadAsync(app, id)).Status);
    }

    [Fact]
    public async Task Refused_connection_leaves_the_email_queued_with_the_error_and_a_later_retry()
    {
        var closedPort = SmtpServer.FreePort();
        using var app = AppRelayingTo(closedPort);
        var id = await QueueAsync(app, "admin@trust.nhs.uk");

        var result = await DeliverAsync(app);

        Assert.Equal(new DeliveryResult(0, 1), result);
        var email = await ReloadAsync(app, id);
        Assert.Equal(OutboxEmailStatus.Queued, email.Status);
        Assert.Equal(1, email.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(email.LastError));
        Assert.True(email.NextAttemptAtUtc > DateTime.UtcNow, "a failed email waits before its next attempt");

        // Not due yet: the next run leaves it alone rather than hammering the relay.
        Assert.Equal(new DeliveryResult(0, 0), await DeliverAsync(app));
    }

    [Fact]
    public async Task After_the_last_attempt_the_email_is_kept_as_failed_not_dropped()
    {
        var closedPort = SmtpServer.FreePort();
        using var app = AppRelayingTo(closedPort)
            .With("Email:MaxAttempts", "2");
        var id = await QueueAsync(app, "gone@trust.nhs.uk");

        await DeliverAsync(app);
        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            var email = await db.OutboxEmails.SingleAsync(e => e.Id == id);
            email.NextAttemptAtUtc = DateTime.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }

        await DeliverAsync(app);

        var failed = await ReloadAsync(app, id);
        Assert.Equal(OutboxEmailStatus.Failed, failed.Status);
        Assert.Equal(2, failed.Attempts);
        Assert.NotNull(failed.LastError);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(20, 60)]
    public void Back_off_doubles_up_to_an_hour(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), BackOff.After(attempts, OutboxDelivery.FirstRetry));

    [Fact]
    public async Task Sent_emails_are_deleted_after_the_days_kept_and_failed_ones_stay_for_an_admin()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var app = new FailingWellApp { Clock = clock }.With("Email:KeepSentDays", "7");
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            db.OutboxEmails.AddRange(
                new OutboxEmail { To = "old@trust.nhs.uk", Subject = "Old", Body = "-", Status = OutboxEmailStatus.Sent, SentAtUtc = now.AddDays(-8), CreatedAtUtc = now.AddDays(-8) },
                new OutboxEmail { To = "recent@trust.nhs.uk", Subject = "Recent", Body = "-", Status = OutboxEmailStatus.Sent, SentAtUtc = now.AddDays(-2), CreatedAtUtc = now.AddDays(-2) },
                new OutboxEmail { To = "failed@trust.nhs.uk", Subject = "Failed", Body = "-", Status = OutboxEmailStatus.Failed, CreatedAtUtc = now.AddDays(-30) });
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Scope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().PurgeSentAsync(CancellationToken.None));
            var left = await FailingWellApp.NewDbContext(scope).OutboxEmails.Select(e => e.To).OrderBy(t => t).ToListAsync();
            Assert.Equal(["failed@trust.nhs.uk", "recent@trust.nhs.uk"], left);
        }
    }
}
