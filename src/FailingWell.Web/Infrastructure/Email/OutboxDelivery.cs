using FailingWell.Web.Infrastructure.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace FailingWell.Web.Infrastructure.Email;

/// <summary>
/// Sends the emails that are due. A failure is recorded (attempts, last error) and retried with
/// back-off; after the last attempt the email stays in the outbox as failed for an admin to see and
/// retry. Nothing is dropped silently.
/// </summary>
public sealed partial class OutboxDelivery(
    FailingWellDbContext db,
    IMailTransport transport,
    TimeProvider clock,
    IOptions<EmailSettings> options,
    ILogger<OutboxDelivery> logger,
    Telemetry.OutboxMetrics metrics)
{
    public async Task<DeliveryResult> DeliverDueAsync(CancellationToken cancellationToken)
    {
        // One span per batch, with its counts: never an address or a subject.
        using var activity = Telemetry.FailingWellTelemetry.Source.StartActivity("outbox delivery");
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var dueIds = await db.OutboxEmails
            .Where(e => e.Status == OutboxEmailStatus.Queued && e.NextAttemptAtUtc <= now)
            .OrderBy(e => e.NextAttemptAtUtc)
            .Select(e => e.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        int sent = 0, failed = 0;
        foreach (var id in dueIds)
        {
            // Claim the email with one conditional update before sending it, so an admin's retry or
            // a second node running at the same moment cannot send it twice. A claim that is never
            // finished (the process died mid-send) expires and the email is tried again.
            var claimedUntil = clock.GetUtcNow().UtcDateTime + ClaimLease;
            var claimed = await db.OutboxEmails
                .Where(e => e.Id == id && e.Status == OutboxEmailStatus.Queued && e.NextAttemptAtUtc <= now)
                .ExecuteUpdateAsync(update => update.SetProperty(e => e.NextAttemptAtUtc, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var email = await db.OutboxEmails.SingleAsync(e => e.Id == id, cancellationToken);
            email.Attempts++;
            try
            {
                await transport.SendAsync(email, cancellationToken);
                email.Status = OutboxEmailStatus.Sent;
                email.SentAtUtc = clock.GetUtcNow().UtcDateTime;
                email.LastError = null;
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                email.LastError = Describe(exception);
                email.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime + BackOff.After(email.Attempts, FirstRetry);
                if (email.Attempts >= settings.MaxAttempts)
                {
                    email.Status = OutboxEmailStatus.Failed;
                }

                failed++;
                SendFailed(logger, email.Id, email.Attempts, exception.GetType().Name);
            }

            // One email at a time: a crash half-way must not send the earlier ones twice.
            await db.SaveChangesAsync(cancellationToken);
        }

        metrics.Delivered(sent, failed);
        activity?.SetTag("failingwell.outbox.due", dueIds.Count);
        activity?.SetTag("failingwell.outbox.sent", sent);
        activity?.SetTag("failingwell.outbox.failed", failed);
        return new DeliveryResult(sent, failed);
    }

    /// <summary>Deletes emails sent more than <see cref="EmailSettings.KeepSentDays"/> ago. Failed ones stay for an admin.</summary>
    public Task<int> PurgeSentAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.KeepSentDays);
        return db.OutboxEmails.Where(e => e.Status == OutboxEmailStatus.Sent && e.SentAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>How long a claimed email is left alone by other runs while it is being sent.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>The wait after the first failure: then 2, 4, 8... minutes, at most an hour (<see cref="BackOff"/>).</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);

    private static string Describe(Exception exception)
    {
        var text = exception.InnerException is null
            ? exception.Message
            : $"{exception.Message} ({exception.GetBaseException().Message})";
        return text.Length <= OutboxEmail.MaxErrorLength ? text : text[..OutboxEmail.MaxErrorLength];
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Outbox email {EmailId} failed on attempt {Attempts} with {ExceptionType}")]
    private static partial void SendFailed(ILogger logger, Guid emailId, int attempts, string exceptionType);
}

public sealed record DeliveryResult(int Sent, int Failed);

/// <summary>Runs the outbox on a schedule; one node of a cluster at a time.</summary>
[DisallowConcurrentExecution]
[SafeToRunNow]
public sealed class OutboxDeliveryJob(OutboxDelivery delivery) : IJob
{
    public static readonly JobKey Key = new("outbox-delivery", "email");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await delivery.DeliverDueAsync(cancellationToken);
        await delivery.PurgeSentAsync(cancellationToken);
    }
}
