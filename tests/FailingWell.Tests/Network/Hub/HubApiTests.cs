using System.Text;
using FailingWell.Web.Features.Network;
using FailingWell.Web.Features.Network.Hub;
using FailingWell.Web.Features.Network.Member;
using static FailingWell.Tests.Network.NetworkSupport;

namespace FailingWell.Tests.Network.Hub;

/// <summary>The hub's inbox and pull endpoint: only a member's signed, fresh, untouched request is taken; a resend is stored once.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class HubApiTests
{
    private static FailingWellApp Hub() => new FailingWellApp().With("Network:Role", "Hub");

    private static NotePublishedMessage Note(Guid? id = null) => new(id ?? Guid.NewGuid(), "Call bells out of reach", "A fall at night.", "Bells moved in bed making.",
        "Bell check after bed making.", "Slips, trips and falls", ReportKind.Incident, PhysicalHarm.Low, "Acute trust", "2026-03");

    private static string Body(string kind, object payload) =>
        HubClient.Envelope(kind, System.Text.Json.JsonSerializer.Serialize(payload, payload.GetType(), NetworkJson.Options));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int memberId, string key, string body,
        Guid? messageId = null, DateTimeOffset? at = null, string? sentBody = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(client.BaseAddress!, "/network/api/messages"))
        {
            Content = new StringContent(sentBody ?? body, Encoding.UTF8, "application/json"),
        };
        NetworkSignature.Apply(request, memberId, key, messageId ?? Guid.NewGuid(), at ?? DateTimeOffset.UtcNow, body);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_signed_note_is_stored_and_a_resend_of_the_same_message_is_accepted_and_stored_once()
    {
        using var hub = Hub();
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);
        var key = await AddMemberAsync(hub, coordinator.Id, "Example Trust");
        using var client = hub.CreateClient();
        var body = Body(NetworkKinds.Note, Note());
        var messageId = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, key.MemberId, key.Key, body, messageId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, key.MemberId, key.Key, body, messageId)).StatusCode);

        Assert.Equal(1, await InDatabaseAsync(hub, db => db.HubNotes.CountAsync()));
        Assert.Equal(1, await InDatabaseAsync(hub, db => db.HubReceivedMessages.CountAsync()));
    }

    [Fact]
    public async Task What_the_hub_stores_of_a_members_key_cannot_sign_a_request_and_the_members_own_key_still_does()
    {
        using var hub = Hub();
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);
        var key = await AddMemberAsync(hub, coordinator.Id, "Example Trust");
        var stored = await InDatabaseAsync(hub, db => db.HubMembers.Where(m => m.Id == key.MemberId).Select(m => m.KeyHash).SingleAsync());
        using var client = hub.CreateClient();
        var body = Body(NetworkKinds.Note, Note());

        // Whoever reads the hub's database has the stored value: as a key, as the signing hash, or its bytes as HMAC key.
        Assert.NotEqual(NetworkSignature.HashOf(key.Key), stored);
        Assert.False(DatabaseBytes.Contains(DatabaseBytes.Read(hub.DatabasePath), NetworkSignature.HashOf(key.Key)));
        var asKey = await PostAsync(client, key.MemberId, stored, body);
        var asHash = await SignedWithAsync(client, key.MemberId, Convert.ToBase64String(Encoding.UTF8.GetBytes(stored)), body);
        Assert.Equal(HttpStatusCode.Unauthorized, asKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asHash.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, key.MemberId, key.Key, body)).StatusCode);
        Assert.Equal(1, await InDatabaseAsync(hub, db => db.HubNotes.CountAsync()));
    }

    [Fact]
    public async Task A_key_hash_kept_in_the_clear_by_an_earlier_version_still_signs_and_is_protected_at_its_first_use()
    {
        using var hub = Hub();
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);
        var key = await AddMemberAsync(hub, coordinator.Id, "Example Trust");
        await using (var scope = hub.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            var member = await db.HubMembers.SingleAsync(m => m.Id == key.MemberId);
            member.KeyHash = NetworkSignature.HashOf(key.Key);
            await db.SaveChangesAsync();
        }

        using var client = hub.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, key.MemberId, key.Key, Body(NetworkKinds.Note, Note()))).StatusCode);
        var stored = await InDatabaseAsync(hub, db => db.HubMembers.Where(m => m.Id == key.MemberId).Select(m => m.KeyHash).SingleAsync());
        Assert.NotEqual(NetworkSignature.HashOf(key.Key), stored);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, key.MemberId, key.Key, Body(NetworkKinds.Note, Note()))).StatusCode);
        Assert.Equal(2, await InDatabaseAsync(hub, db => db.HubNotes.CountAsync()));
    }

    /// <summary>A request signed with <paramref name="keyHash"/> directly as the HMAC key, as one holding the hub's stored value would try.</summary>
    private static async Task<HttpResponseMessage> SignedWithAsync(HttpClient client, int memberId, string keyHash, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(client.BaseAddress!, "/network/api/messages"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var messageId = Guid.NewGuid();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        request.Headers.Add(NetworkSignature.MemberHeader, memberId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(NetworkSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(NetworkSignature.MessageHeader, messageId.ToString("D"));
        request.Headers.Add(NetworkSignature.SignatureHeader, NetworkSignature.Sign(keyHash, timestamp, messageId, "POST", "/network/api/messages", body));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_wrong_key_an_unknown_member_a_revoked_key_a_tampered_body_and_a_stale_time_are_refused_with_401()
    {
        using var hub = Hub();
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);
        var key = await AddMemberAsync(hub, coordinator.Id, "Example Trust");
        var revoked = await AddMemberAsync(hub, coordinator.Id, "Gone Trust");
        await using (var scope = hub.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RevokeMember.Command { ActorAccountId = coordinator.Id, MemberId = revoked.MemberId });
        }

        using var client = hub.CreateClient();
        var body = Body(NetworkKinds.Note, Note());

        var refusals = new[]
        {
            await PostAsync(client, key.MemberId, NetworkSignature.NewKey(), body),
            await PostAsync(client, 999, key.Key, body),
            await PostAsync(client, revoked.MemberId, revoked.Key, body),
            await PostAsync(client, key.MemberId, key.Key, body, sentBody: body.Replace("Call bells", "Call balls", StringComparison.Ordinal)),
            await PostAsync(client, key.MemberId, key.Key, body, at: DateTimeOffset.UtcNow.AddMinutes(-6)),
            await PostAsync(client, key.MemberId, key.Key, body, at: DateTimeOffset.UtcNow.AddMinutes(6)),
        };

        Assert.All(refusals, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.All(refusals, r => Assert.Equal(0, r.Content.Headers.ContentLength ?? 0));
        Assert.Equal(0, await InDatabaseAsync(hub, db => db.HubNotes.CountAsync()));
        using var unsigned = new StringContent(body, Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(new Uri("/network/api/messages", UriKind.Relative), unsigned)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/network/api/notes?since=0", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_kind_the_hub_does_not_know_or_a_payload_it_cannot_read_is_a_400_and_stores_nothing()
    {
        using var hub = Hub();
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);
        var key = await AddMemberAsync(hub, coordinator.Id, "Example Trust");
        using var client = hub.CreateClient();

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, key.MemberId, key.Key, Body("gossip", Note()))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, key.MemberId, key.Key, "{\"kind\":\"note\",\"payload\":{\"noteId\":\"x\"}}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, key.MemberId, key.Key, "not json")).StatusCode);

        Assert.Equal(0, await InDatabaseAsync(hub, db => db.HubReceivedMessages.CountAsync()));
    }

    [Fact]
    public async Task A_member_pulls_notes_since_a_sequence_with_the_author_and_every_notes_counts()
    {
        using var hub = Hub();
        var coordinator = await Staff.CreateAsync(hub, StaffRoles.NetworkCoordinator);
        var author = await AddMemberAsync(hub, coordinator.Id, "Author Trust", "Mental health trust");
        var reader = await AddMemberAsync(hub, coordinator.Id, "Reader Trust");
        using var client = hub.CreateClient();
        var first = Note();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, author.MemberId, author.Key, Body(NetworkKinds.Note, first))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, author.MemberId, author.Key, Body(NetworkKinds.Note, Note()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, reader.MemberId, reader.Key, Body(NetworkKinds.NoteUseful, new NoteEventMessage(first.NoteId)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, reader.MemberId, reader.Key, Body(NetworkKinds.NoteUseful, new NoteEventMessage(first.NoteId)))).StatusCode);
        var firstSequence = await InDatabaseAsync(hub, db => db.HubNotes.Where(n => n.NoteId == first.NoteId).Select(n => n.Sequence).SingleAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseAddress!, $"/network/api/notes?since={firstSequence}"));
        NetworkSignature.Apply(request, reader.MemberId, reader.Key, Guid.NewGuid(), DateTimeOffset.UtcNow, "");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = System.Text.Json.JsonSerializer.Deserialize<NotesSince.NotesPage>(await response.Content.ReadAsStringAsync(), NetworkJson.Options)!;
        var note = Assert.Single(page.Notes);
        Assert.NotEqual(first.NoteId, note.NoteId);
        Assert.Equal(("Author Trust", "Mental health trust"), (note.AuthorName, note.AuthorType));
        var counts = Assert.Single(page.Counts);
        Assert.Equal((first.NoteId, 1, 0), (counts.NoteId, counts.Useful, counts.Adopted));
        Assert.False(page.More);
    }
}
