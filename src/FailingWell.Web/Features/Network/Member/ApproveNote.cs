using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// A second lead, or an admin, who neither drafted nor changed the note approves it: it is published, and its
/// message to the hub is queued in the same transaction.
/// </summary>
public static class ApproveNote
{
    public sealed class Command : Change<Unit>
    {
        public int NoteId { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var note = await db.LearningNotes.SingleOrRefuseAsync(n => n.Id == request.NoteId, request, "That note does not exist.", cancellationToken);
            if (note.Status != LearningNoteStatus.AwaitingApproval)
            {
                throw RequestValidationException.For(request, "", "Only a note submitted for approval can be approved.");
            }

            if (note.DraftedByAccountId == request.ActorAccountId)
            {
                throw RequestValidationException.For(request, "", "You drafted this note: a second lead or an admin must approve it.");
            }

            // The two-person rule holds for every change: whoever rewrote the note, at any time, is its author too.
            if ((await NoteEditors.ChangedByAsync(db, request.ActorAccountId, [note.Id], cancellationToken)).Count > 0)
            {
                throw RequestValidationException.For(request, "", "You changed this note: a lead or an admin who has not changed it must approve it.");
            }

            note.Status = LearningNoteStatus.Published;
            note.ApprovedByAccountId = request.ActorAccountId;
            note.PublishedOn = time.Today;
            NetworkOutbox.Enqueue(db, NetworkKinds.Note, new NotePublishedMessage(
                note.NoteId, note.Title, note.WhatHappened, note.WhatWasLearned, note.WhatChanged, note.Category,
                note.Kind!.Value, note.HarmBand!.Value, note.OrganisationType, note.Month));
            request.AuditAction = $"Learning note {note.Id}: approved and published";
            return Unit.Value;
        }
    }
}
