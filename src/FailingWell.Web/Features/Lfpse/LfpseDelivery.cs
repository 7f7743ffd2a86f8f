using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FailingWell.Web.Infrastructure.Scheduling;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Options;
using Quartz;
using R4 = Hl7.Fhir.Model;

namespace FailingWell.Web.Features.Lfpse;

/// <summary>
/// Sends what leads confirmed to LFPSE, from the outbox: a POST for an event LFPSE does not hold yet, a
/// PUT to its id once it does. Each request is claimed by one conditional update first (one node, one
/// run sends it) and recorded as under way before it leaves, because LFPSE has no idempotency key: a
/// request that timed out, or was cut off by a node stopping, may have been stored, so it is marked
/// for an admin to check and never posted again blindly. A request that never reached LFPSE (refused
/// connection, 429, 502, 503) waits by the one back-off rule and is tried again.
/// </summary>
public sealed partial class LfpseDelivery(
    IServiceScopeFactory scopes,
    FailingWellDbContext db,
    TimeProvider clock,
    IOptions<LfpseSettings> options,
    ILogger<LfpseDelivery> logger)
{
    /// <summary>The wait after the first failure: then 2, 4, 8... minutes, at most an hour (<see cref="BackOff"/>).</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Batch after batch while each was full: a backlog (LFPSE first switched on) goes at the configured
    /// concurrency instead of one batch a schedule interval (docs/decisions/0124).
    /// </summary>
    public async Task<LfpseDeliveryResult> DeliverAllDueAsync(CancellationToken cancellationToken)
    {
        var total = new LfpseDeliveryResult(0, 0, 0);
        LfpseDeliveryResult batch;
        do
        {
            batch = await DeliverDueAsync(cancellationToken);
            total = new LfpseDeliveryResult(total.Sent + batch.Sent, total.Failed + batch.Failed, total.ToCheck + batch.ToCheck);
        }
        while (batch.Sent + batch.Failed + batch.ToCheck >= Math.Max(1, options.Value.BatchSize) && !cancellationToken.IsCancellationRequested);

        return total;
    }

    public async Task<LfpseDeliveryResult> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConnected)
        {
            return new LfpseDeliveryResult(0, 0, 0);
        }

        var now = clock.GetUtcNow().UtcDateTime;

        // Requests whose lease ran out while under way were cut off: they may have reached LFPSE.
        var cutOff = await db.LfpseOutbox.Where(i => i.Status == LfpseState.Sending && i.NextAttemptAtUtc <= now).ToListAsync(cancellationToken);
        foreach (var item in cutOff)
        {
            await MarkForCheckAsync(db, item, "The request was cut off (the site stopped while sending): check LFPSE before retrying.", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);

        // The first due request of each report whose earlier ones are all done: an update never overtakes its creation,
        // and nothing of a report is sent while one of its requests waits for an admin's check.
        var due = await db.LfpseOutbox
            .Where(i => i.Status == LfpseState.Pending && i.NextAttemptAtUtc <= now)
            .Where(i => !db.LfpseOutbox.Any(o => o.ReportId == i.ReportId && o.Sequence < i.Sequence
                && (o.Status == LfpseState.Pending || o.Status == LfpseState.Sending)))
            .Where(i => !db.LfpseOutbox.Any(o => o.ReportId == i.ReportId && o.Status == LfpseState.NeedsCheck))
            .OrderBy(i => i.Sequence)
            .Select(i => i.Id)
            .Take(Math.Max(1, settings.BatchSize))
            .ToListAsync(cancellationToken);

        int sent = 0, failed = 0, toCheck = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Concurrency), CancellationToken = cancellationToken }, async (id, ct) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcome = await SendOneAsync(scope.ServiceProvider, id, now, ct);
            switch (outcome)
            {
                case LfpseState.Sent or LfpseState.Warning:
                    Interlocked.Increment(ref sent);
                    break;
                case LfpseState.NeedsCheck:
                    Interlocked.Increment(ref toCheck);
                    break;
                case LfpseState.Pending or LfpseState.Failed:
                    Interlocked.Increment(ref failed);
                    break;
            }
        });

        return new LfpseDeliveryResult(sent, failed, toCheck);
    }

    private async Task<LfpseState?> SendOneAsync(IServiceProvider services, Guid id, DateTime now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var scoped = services.GetRequiredService<FailingWellDbContext>();
        var client = services.GetRequiredService<LfpseClient>();

        // The claim, committed before the request leaves: another node or run skips it, and a node that
        // stops mid-request leaves it "Sending", which the next run turns into a check, never a resend.
        var lease = clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(settings.TimeoutSeconds * 2) + TimeSpan.FromMinutes(1);
        var claimed = await scoped.LfpseOutbox
            .Where(i => i.Id == id && i.Status == LfpseState.Pending && i.NextAttemptAtUtc <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, LfpseState.Sending).SetProperty(i => i.NextAttemptAtUtc, lease).SetProperty(i => i.Attempts, i => i.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        var item = await scoped.LfpseOutbox.SingleAsync(i => i.Id == id, cancellationToken);
        var lfpseEvent = await scoped.LfpseEvents.SingleAsync(e => e.ReportId == item.ReportId, cancellationToken);
        var body = lfpseEvent.LfpseId is null ? item.Payload : WithId(item.Payload, lfpseEvent.LfpseId);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            using var response = await client.SendAsync(lfpseEvent.LfpseId, body, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            item.LastHttpStatus = (int)response.StatusCode;
            Answered(response.StatusCode, text, item, lfpseEvent, settings);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await MarkForCheckAsync(scoped, item, $"No answer within {settings.TimeoutSeconds} seconds: LFPSE may hold the event. Check before retrying.", cancellationToken);
        }
        catch (HttpRequestException exception) when (NeverReached(exception))
        {
            Retry(item, lfpseEvent, settings, $"LFPSE could not be reached ({exception.HttpRequestError}).");
        }
        catch (HttpRequestException exception)
        {
            await MarkForCheckAsync(scoped, item, $"The connection broke during the request ({exception.HttpRequestError}): LFPSE may hold the event. Check before retrying.", cancellationToken);
        }

        item.NextAttemptAtUtc = item.Status == LfpseState.Pending ? item.NextAttemptAtUtc : clock.GetUtcNow().UtcDateTime;
        lfpseEvent.Version = Guid.NewGuid();
        await scoped.SaveChangesAsync(CancellationToken.None);
        Delivered(logger, item.Id, item.Attempts, item.LastHttpStatus ?? 0, item.Status);
        return item.Status;
    }

    private void Answered(HttpStatusCode status, string text, LfpseOutboxItem item, LfpseEvent lfpseEvent, LfpseSettings settings)
    {
        var code = (int)status;
        var resource = TryRead(text);
        if (code is >= 200 and < 300)
        {
            if (resource is R4.AdverseEvent stored)
            {
                lfpseEvent.LfpseId = stored.Id ?? lfpseEvent.LfpseId;
                lfpseEvent.LfpseVersionId = stored.Meta?.VersionId ?? lfpseEvent.LfpseVersionId;
                lfpseEvent.LfpseReference = ReferenceNumber(stored) ?? lfpseEvent.LfpseReference;
                Finish(item, lfpseEvent, LfpseState.Sent, null);
            }
            else
            {
                if (resource is R4.OperationOutcome { Id: { } id } && lfpseEvent.LfpseId is null)
                {
                    lfpseEvent.LfpseId = id;
                }

                Finish(item, lfpseEvent, LfpseState.Warning, resource is R4.OperationOutcome warning ? Messages(warning) : "LFPSE accepted the event but its answer could not be read.");
            }

            item.SentAtUtc = clock.GetUtcNow().UtcDateTime;
            return;
        }

        var messages = resource is R4.OperationOutcome outcome ? Messages(outcome) : $"LFPSE answered {code} {status}.";
        if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable)
        {
            Retry(item, lfpseEvent, settings, messages);
        }
        else if (code is >= 400 and < 500)
        {
            Finish(item, lfpseEvent, LfpseState.Failed, messages);
        }
        else
        {
            // A 500 or a gateway time-out may come after LFPSE stored the event.
            Finish(item, lfpseEvent, LfpseState.NeedsCheck, messages + " LFPSE may hold the event: check before retrying.");
        }
    }

    private void Retry(LfpseOutboxItem item, LfpseEvent lfpseEvent, LfpseSettings settings, string message)
    {
        var last = item.Attempts >= settings.MaxAttempts;
        Finish(item, lfpseEvent, last ? LfpseState.Failed : LfpseState.Pending, message);
        item.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime + BackOff.After(item.Attempts, FirstRetry);
    }

    private static void Finish(LfpseOutboxItem item, LfpseEvent lfpseEvent, LfpseState state, string? messages)
    {
        item.Status = state;
        item.Messages = Shorten(messages);
        lfpseEvent.State = state;
        lfpseEvent.Messages = Shorten(messages);
    }

    private static async Task MarkForCheckAsync(FailingWellDbContext db, LfpseOutboxItem item, string message, CancellationToken cancellationToken)
    {
        item.Status = LfpseState.NeedsCheck;
        item.Messages = message;
        var lfpseEvent = await db.LfpseEvents.SingleAsync(e => e.ReportId == item.ReportId, cancellationToken);
        lfpseEvent.State = LfpseState.NeedsCheck;
        lfpseEvent.Messages = message;
    }

    private static bool NeverReached(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
        || exception.GetBaseException() is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable or SocketError.HostUnreachable };

    private static R4.Resource? TryRead(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : LfpseJson.Read(text);
        }
        catch (Exception exception) when (exception is DeserializationFailedException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The ReferenceNumber in the reference-metadata extension LFPSE adds to the event it stored.</summary>
    public static string? ReferenceNumber(R4.AdverseEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Extension
            .Where(e => e.Url is { } url && url[..Math.Max(0, url.LastIndexOf('-'))].EndsWith("/adverse-event-reference-metadata", StringComparison.Ordinal))
            .SelectMany(e => e.Extension)
            .Where(s => s.Url == "ReferenceNumber")
            .Select(s => (s.Value as R4.FhirString)?.Value)
            .FirstOrDefault(v => v is not null);
    }

    public static string Messages(R4.OperationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var lines = outcome.Issue.Select(i => string.Join(": ", new[] { i.Severity?.ToString(), i.Details?.Text ?? i.Diagnostics }.Where(t => !string.IsNullOrWhiteSpace(t))));
        return string.Join(Environment.NewLine, lines.Where(l => l.Length > 0));
    }

    private static string WithId(string payload, string id)
    {
        var adverseEvent = (R4.AdverseEvent)LfpseJson.Read(payload);
        adverseEvent.Id = id;
        return LfpseJson.Write(adverseEvent);
    }

    private static string? Shorten(string? text) =>
        text is null || text.Length <= LfpseOutboxItem.MaxMessagesLength ? text : text[..LfpseOutboxItem.MaxMessagesLength];

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "LFPSE request {ItemId}, attempt {Attempts}: HTTP {HttpStatus}, now {State}")]
    private static partial void Delivered(ILogger logger, Guid itemId, int attempts, int httpStatus, LfpseState state);
}

public sealed record LfpseDeliveryResult(int Sent, int Failed, int ToCheck);

/// <summary>Runs the LFPSE outbox on a schedule; one node of a cluster at a time (and each request is claimed as well).</summary>
[DisallowConcurrentExecution]
public sealed class LfpseDeliveryJob(LfpseDelivery delivery) : IJob
{
    public static readonly JobKey Key = new("lfpse-delivery", "lfpse");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await delivery.DeliverAllDueAsync(cancellationToken);
    }
}
