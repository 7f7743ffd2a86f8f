namespace FailingWell.Web.Features.Network;

// TEMPORARY (branch network-peers): the contract's signature of CORE's outbox, so PEERS' slices compile and
// their tests can see what would be sent. CORE's NetworkOutbox.cs replaces this file at merge; the
// integrator deletes it (and the test hook below with it).

/// <summary>Adds a message to the member's network outbox, saved by the caller's transaction.</summary>
public static class NetworkOutbox
{
    /// <summary>Until merge: what would have been sent, for tests. Not thread-safe across apps; tests read their own kind.</summary>
    internal static readonly System.Collections.Concurrent.ConcurrentQueue<(string Kind, string PayloadJson)> Sent = new();

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static void Enqueue(FailingWellDbContext db, string kind, object payload)
    {
        ArgumentNullException.ThrowIfNull(db);
        Sent.Enqueue((kind, System.Text.Json.JsonSerializer.Serialize(payload, payload.GetType(), Json)));
    }
}
