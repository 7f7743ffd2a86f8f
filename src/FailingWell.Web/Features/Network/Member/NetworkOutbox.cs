using System.Text.Json;
using FailingWell.Web.Domain.Network;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// Member side: queues a message for the hub in the caller's unit of work (its transaction saves it),
/// so a note is published and its message queued together or not at all. Sent by <see cref="NetworkDelivery"/>.
/// </summary>
public static class NetworkOutbox
{
    /// <summary>A time before any clock's now.</summary>
    public static readonly DateTime DueAtOnce = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The app's clock, as the context's application services have it (the system's when it has none).</summary>
    private static TimeProvider ClockOf(FailingWellDbContext db)
    {
        try
        {
            return db.GetService<TimeProvider>();
        }
        catch (InvalidOperationException)
        {
            return TimeProvider.System;
        }
    }

    public static void Enqueue(FailingWellDbContext db, string kind, object payload)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        db.NetworkOutboxMessages.Add(new NetworkOutboxMessage
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            Payload = JsonSerializer.Serialize(payload, payload.GetType(), NetworkJson.Options),
            // The day only: the message says no more of when than that.
            CreatedOn = new UkTime(ClockOf(db)).Today,
            // Due at once, whatever the app's clock says.
            NextAttemptOn = DueAtOnce,
        });
    }
}
