using FailingWell.Web.Infrastructure.Scheduling;
using System.Net.Http.Json;
using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network.Hub;
using Microsoft.Extensions.Options;
using Quartz;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// Member side: pulls the library from the hub, the notes published since the highest sequence held
/// (this organisation's own included), and every note's counts. Safe to repeat: a note is kept once.
/// </summary>
public sealed class PullFromHub(FailingWellDbContext db, HubClient hub, TimeProvider clock, IOptions<NetworkSettings> options, IMediator mediator)
{
    /// <summary>How many new notes were pulled; null when the hub could not be reached or refused.</summary>
    public async Task<int?> PullAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsMember)
        {
            return null;
        }

        var pulled = 0;
        var contact = await NetworkContacts.LoadAsync(db, cancellationToken);
        try
        {
            NotesSince.NotesPage? page;
            do
            {
                var since = await db.NetworkNotes.MaxAsync(n => (long?)n.Sequence, cancellationToken) ?? 0;
                using var response = await hub.GetAsync($"/network/api/notes?since={since}", cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    contact.LastError = $"The hub answered {(int)response.StatusCode} {response.ReasonPhrase} to a pull.";
                    await db.SaveChangesAsync(cancellationToken);
                    return null;
                }

                page = await response.Content.ReadFromJsonAsync<NotesSince.NotesPage>(NetworkJson.Options, cancellationToken);
                if (page is null)
                {
                    break;
                }

                var ids = page.Notes.Select(n => n.NoteId).ToList();
                var held = await db.NetworkNotes.Where(n => ids.Contains(n.NoteId)).ToDictionaryAsync(n => n.NoteId, cancellationToken);
                foreach (var note in page.Notes)
                {
                    if (!held.TryGetValue(note.NoteId, out var copy))
                    {
                        copy = new NetworkNote { NoteId = note.NoteId };
                        db.NetworkNotes.Add(copy);
                        pulled++;
                    }

                    copy.Sequence = note.Sequence;
                    copy.AuthorName = note.AuthorName;
                    copy.AuthorType = note.AuthorType;
                    copy.IsOwn = note.AuthorMemberId == settings.MemberId;
                    copy.Title = note.Title;
                    copy.WhatHappened = note.WhatHappened;
                    copy.WhatWasLearned = note.WhatWasLearned;
                    copy.WhatChanged = note.WhatChanged;
                    copy.Category = note.Category;
                    copy.Kind = note.Kind;
                    copy.HarmBand = note.HarmBand;
                    copy.OrganisationType = note.OrganisationType;
                    copy.Month = note.Month;
                    copy.PublishedOn = note.PublishedOn;
                }

                await db.SaveChangesAsync(cancellationToken);
                var counts = page.Counts.ToDictionary(c => c.NoteId);
                foreach (var note in await db.NetworkNotes.ToListAsync(cancellationToken))
                {
                    var count = counts.GetValueOrDefault(note.NoteId);
                    note.UsefulCount = count?.Useful ?? 0;
                    note.AdoptedCount = count?.Adopted ?? 0;
                }

                contact.LastContactUtc = contact.LastPullUtc = clock.GetUtcNow().UtcDateTime;
                contact.LastError = null;
                await db.SaveChangesAsync(cancellationToken);
            }
            while (page.More);

            // The peers' suppressed figures for the funnel plot, and this member's support offers: each replaced whole.
            var peers = await PullListAsync<PeerOrganisation>("/network/api/peers", contact, cancellationToken);
            if (peers is null)
            {
                return null;
            }

            await mediator.Send(new StorePeerAggregates.Command(peers), cancellationToken);
            var offers = await PullListAsync<SupportOfferSummary>("/network/api/support", contact, cancellationToken);
            if (offers is null)
            {
                return null;
            }

            await mediator.Send(new StoreSupportOffers.Command(offers), cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or RequestValidationException && !cancellationToken.IsCancellationRequested)
        {
            contact.LastError = "The hub could not be reached to pull the library: " + exception.Message;
            if (contact.LastError.Length > NetworkOutboxMessage.MaxErrorLength)
            {
                contact.LastError = contact.LastError[..NetworkOutboxMessage.MaxErrorLength];
            }

            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        return pulled;
    }

    private async Task<IReadOnlyList<T>?> PullListAsync<T>(string path, NetworkContact contact, CancellationToken cancellationToken)
    {
        using var response = await hub.GetAsync(path, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            contact.LastError = $"The hub answered {(int)response.StatusCode} {response.ReasonPhrase} to a pull.";
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        return await response.Content.ReadFromJsonAsync<List<T>>(NetworkJson.Options, cancellationToken) ?? [];
    }
}

/// <summary>Pulls the library from the hub on a schedule; one node at a time.</summary>
[DisallowConcurrentExecution]
[SafeToRunNow]
public sealed class PullFromHubJob(PullFromHub pull) : IJob
{
    public static readonly JobKey Key = new("network-pull", "network");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await pull.PullAsync(cancellationToken);
}
