using System.Collections.Concurrent;
using System.Text.Json;

namespace FailingWell.Web.Features.Network;

// TEMPORARY (branch network-peers): the contract's signature of CORE's outbox, so PEERS' slices compile and
// their tests can see what would be sent. CORE's NetworkOutbox.cs replaces this file at merge; the
// integrator deletes it (tests then read CORE's NetworkOutboxMessages table instead of SentTo).

/// <summary>Adds a message to the member's network outbox, saved by the caller's transaction.</summary>
public static class NetworkOutbox
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<(string Kind, string PayloadJson)>> Sent = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Enqueue(FailingWellDbContext db, string kind, object payload)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(payload);
        Sent.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new()).Enqueue((kind, JsonSerializer.Serialize(payload, payload.GetType(), Json)));
    }

    /// <summary>Until merge, for tests: what was enqueued on the database with this connection string, in order.</summary>
    public static IReadOnlyList<(string Kind, string PayloadJson)> SentTo(string connectionString) =>
        Sent.TryGetValue(connectionString, out var queue) ? [.. queue] : [];
}
