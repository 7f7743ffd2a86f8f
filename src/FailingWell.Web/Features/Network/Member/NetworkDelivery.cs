using System.Net;
using FailingWell.Web.Domain.Network;
using FailingWell.Web.Infrastructure.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// Member side: sends the outbox messages that are due, each its own attempt. The hub's 2xx: sent.
/// A 4xx other than 401 and 429: refused for good, kept as failed with the reason. Anything else (the
/// hub down, a 5xx, a 401 while keys are changed, 429): tried again after 1, 2, 4 ... minutes, at most an hour.
/// </summary>
public sealed partial class NetworkDelivery(FailingWellDbContext db, HubClient hub, TimeProvider clock, IOptions<NetworkSettings> options, ILogger<NetworkDelivery> logger)
{
    public const int BatchSize = 50;

    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    public async Task<DeliveryOutcome> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.IsMember)
        {
            return new DeliveryOutcome(0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.NetworkOutboxMessages
            .Where(m => m.SentOn == null && !m.Failed && m.NextAttemptOn <= now)
            .OrderBy(m => m.NextAttemptOn).ThenBy(m => m.CreatedOn)
            .Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
        int sent = 0, notSent = 0;
        foreach (var id in due)
        {
            // Claimed with one conditional update, so a "retry now" at the same moment cannot send it twice
            // (the hub would store it once anyway: it keeps message ids).
            var claimedUntil = clock.GetUtcNow().UtcDateTime + ClaimLease;
            var claimed = await db.NetworkOutboxMessages
                .Where(m => m.Id == id && m.SentOn == null && !m.Failed && m.NextAttemptOn <= now)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptOn, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var message = await db.NetworkOutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
            message.Attempts++;
            var contact = await NetworkContacts.LoadAsync(db, cancellationToken);
            try
            {
                using var response = await hub.PostMessageAsync(message.Id, message.Kind, message.Payload, cancellationToken);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    message.SentOn = clock.GetUtcNow().UtcDateTime;
                    message.LastError = null;
                    contact.LastContactUtc = message.SentOn;
                    contact.LastError = null;
                    sent++;
                }
                else if (status is >= 400 and < 500 && response.StatusCode is not HttpStatusCode.Unauthorized and not HttpStatusCode.TooManyRequests)
                {
                    message.Failed = true;
                    message.LastError = $"The hub refused this message ({status} {response.ReasonPhrase}).";
                    contact.LastContactUtc = clock.GetUtcNow().UtcDateTime;
                    notSent++;
                }
                else
                {
                    Retry(message, contact, $"The hub answered {status} {response.ReasonPhrase}.");
                    notSent++;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
                Retry(message, contact, "The hub could not be reached: " + exception.Message);
                notSent++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new DeliveryOutcome(sent, notSent);
    }

    /// <summary>An admin's "retry now": every waiting or failed message is due again, and sent now.</summary>
    public async Task<DeliveryOutcome> RetryNowAsync(CancellationToken cancellationToken)
    {
        await db.NetworkOutboxMessages.Where(m => m.SentOn == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Failed, false).SetProperty(m => m.NextAttemptOn, NetworkOutbox.DueAtOnce), cancellationToken);
        return await DeliverDueAsync(cancellationToken);
    }

    private void Retry(NetworkOutboxMessage message, NetworkContact contact, string error)
    {
        var text = error.Length <= NetworkOutboxMessage.MaxErrorLength ? error : error[..NetworkOutboxMessage.MaxErrorLength];
        message.LastError = text;
        contact.LastError = text;
        message.NextAttemptOn = clock.GetUtcNow().UtcDateTime + BackOff.After(message.Attempts, TimeSpan.FromSeconds(Math.Max(1, options.Value.RetryBaseSeconds)));
        NotDelivered(logger, message.Id, message.Attempts);
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Network message {MessageId} not delivered on attempt {Attempts}")]
    private static partial void NotDelivered(ILogger logger, Guid messageId, int attempts);
}

public sealed record DeliveryOutcome(int Sent, int NotSent);

public static class NetworkContacts
{
    public static async Task<NetworkContact> LoadAsync(FailingWellDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var contact = await db.NetworkContacts.SingleOrDefaultAsync(c => c.Id == NetworkContact.OnlyRow, cancellationToken);
        if (contact is null)
        {
            contact = new NetworkContact();
            db.NetworkContacts.Add(contact);
        }

        return contact;
    }
}

/// <summary>Sends the network outbox on a schedule; one node at a time.</summary>
[DisallowConcurrentExecution]
[SafeToRunNow]
public sealed class NetworkDeliveryJob(NetworkDelivery delivery) : IJob
{
    public static readonly JobKey Key = new("network-delivery", "network");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await delivery.DeliverDueAsync(cancellationToken);
}
