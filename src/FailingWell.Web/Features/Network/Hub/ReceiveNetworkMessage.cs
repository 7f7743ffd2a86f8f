using System.Text.Json;
using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Hub;

public enum ReceiveOutcome
{
    Stored,

    /// <summary>Already received under this message id: accepted again, applied once.</summary>
    AlreadyReceived,

    /// <summary>A kind the hub does not know, or a payload it cannot read: 400.</summary>
    NotUnderstood,
}

/// <summary>
/// Hub side: one signed message from a member (the endpoint has checked the signature). Idempotent by
/// (member, message id); every kind is dispatched in the one switch below.
/// </summary>
public sealed record ReceiveNetworkMessage(int MemberId, Guid MessageId, string Kind, string PayloadJson) : ICommand<ReceiveOutcome>;

public sealed class ReceiveNetworkMessageHandler(FailingWellDbContext db, UkTime time, IMediator mediator) : IRequestHandler<ReceiveNetworkMessage, ReceiveOutcome>
{
    public async Task<ReceiveOutcome> Handle(ReceiveNetworkMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.HubReceivedMessages.AnyAsync(m => m.MemberId == request.MemberId && m.MessageId == request.MessageId, cancellationToken))
        {
            return ReceiveOutcome.AlreadyReceived;
        }

        bool understood;
        try
        {
            understood = request.Kind switch
            {
                NetworkKinds.Note => await StoreNoteAsync(request.MemberId, Read<NotePublishedMessage>(request.PayloadJson), cancellationToken),
                NetworkKinds.NoteUseful => await StoreNoteEventAsync(request.MemberId, Read<NoteEventMessage>(request.PayloadJson), useful: true, cancellationToken),
                NetworkKinds.NoteAdopted => await StoreNoteEventAsync(request.MemberId, Read<NoteEventMessage>(request.PayloadJson), useful: false, cancellationToken),
                PeerMessageKinds.Aggregates => await SendAsync(Read<MonthlyAggregatesMessage>(request.PayloadJson), m => new StoreAggregates.Command(request.MemberId, m), cancellationToken),
                PeerMessageKinds.Signals => await SendAsync(Read<SignalsMessage>(request.PayloadJson), m => new StoreSignals.Command(request.MemberId, m), cancellationToken),
                PeerMessageKinds.SupportReply => await SendAsync(Read<SupportReplyMessage>(request.PayloadJson), m => new StoreSupportReply.Command(request.MemberId, m), cancellationToken),
                _ => false,
            };
        }
        catch (JsonException)
        {
            understood = false;
        }
        catch (RequestValidationException)
        {
            // The peers' slices validate what a member sent; a message they refuse is not understood.
            understood = false;
        }

        if (!understood)
        {
            db.ChangeTracker.Clear();
            return ReceiveOutcome.NotUnderstood;
        }

        db.HubReceivedMessages.Add(new HubReceivedMessage { MemberId = request.MemberId, MessageId = request.MessageId, Kind = request.Kind, ReceivedOn = time.Today });
        await db.SaveChangesAsync(cancellationToken);
        return ReceiveOutcome.Stored;
    }

    private async Task<bool> SendAsync<T>(T? message, Func<T, IRequest<Unit>> command, CancellationToken cancellationToken)
        where T : class
    {
        if (message is null)
        {
            return false;
        }

        await mediator.Send(command(message), cancellationToken);
        return true;
    }

    private static T? Read<T>(string json) => JsonSerializer.Deserialize<T>(json, NetworkJson.Options);

    private async Task<bool> StoreNoteAsync(int memberId, NotePublishedMessage? note, CancellationToken cancellationToken)
    {
        if (note is null || note.NoteId == Guid.Empty || string.IsNullOrWhiteSpace(note.Title)
            || !Enum.IsDefined(note.Kind) || !Enum.IsDefined(note.HarmBand) || !NoteMonths.IsMonth(note.Month)
            || note.Title.Length > LearningNote.TitleLength || new[] { note.WhatHappened, note.WhatWasLearned, note.WhatChanged }.Any(t => t is null || t.Length > LearningNote.TextLength)
            || note.Category is not { Length: > 0 and <= 100 } || note.OrganisationType is null || note.OrganisationType.Length > 100)
        {
            return false;
        }

        var existing = await db.HubNotes.SingleOrDefaultAsync(n => n.NoteId == note.NoteId, cancellationToken);
        if (existing is not null)
        {
            // The same note again under another message id: kept once; another member's id is not theirs to reuse.
            return existing.AuthorMemberId == memberId;
        }

        db.HubNotes.Add(new HubNote
        {
            NoteId = note.NoteId, AuthorMemberId = memberId, Title = note.Title, WhatHappened = note.WhatHappened,
            WhatWasLearned = note.WhatWasLearned, WhatChanged = note.WhatChanged, Category = note.Category, Kind = note.Kind,
            HarmBand = note.HarmBand, OrganisationType = note.OrganisationType, Month = note.Month, PublishedOn = time.Today,
        });
        return true;
    }

    private async Task<bool> StoreNoteEventAsync(int memberId, NoteEventMessage? marked, bool useful, CancellationToken cancellationToken)
    {
        if (marked is null || !await db.HubNotes.AnyAsync(n => n.NoteId == marked.NoteId, cancellationToken))
        {
            return false;
        }

        var row = await db.HubNoteEvents.SingleOrDefaultAsync(e => e.MemberId == memberId && e.NoteId == marked.NoteId, cancellationToken);
        if (row is null)
        {
            row = new HubNoteEvent { MemberId = memberId, NoteId = marked.NoteId };
            db.HubNoteEvents.Add(row);
        }

        if (useful)
        {
            row.Useful = true;
        }
        else
        {
            row.Adopted = true;
        }

        return true;
    }
}
