using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>A draft (or a note awaiting approval) is thrown away: it is never sent, and its text is cleared.</summary>
public static class DiscardNote
{
    public sealed class Command : Change<Unit>
    {
        public int NoteId { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var note = await db.LearningNotes.SingleOrRefuseAsync(n => n.Id == request.NoteId, request, "That note does not exist.", cancellationToken);
            if (note.Status is LearningNoteStatus.Published or LearningNoteStatus.Discarded)
            {
                throw RequestValidationException.For(request, "", "Only a draft can be discarded.");
            }

            note.Status = LearningNoteStatus.Discarded;
            note.WhatHappened = note.WhatWasLearned = note.WhatChanged = "";
            request.AuditAction = $"Learning note {note.Id}: discarded";
            return Unit.Value;
        }
    }
}
