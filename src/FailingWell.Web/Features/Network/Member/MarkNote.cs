namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// "Mark as useful" and "We adopted this": this organisation's mark on another's note, kept here and
/// sent to the hub (which counts organisations, so the author sees how its learning travelled).
/// </summary>
public static class MarkNote
{
    public sealed class Command : Change<Unit>
    {
        public int Id { get; set; }

        /// <summary>"We adopted this" (true) or "Mark as useful" (false).</summary>
        public bool Adopted { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var note = await db.NetworkNotes.SingleOrRefuseAsync(n => n.Id == request.Id, request, "That note is not in the library.", cancellationToken);
            if (note.IsOwn)
            {
                throw RequestValidationException.For(request, "", "This is your organisation's own note.");
            }

            if (request.Adopted ? note.MarkedAdopted : note.MarkedUseful)
            {
                return Unit.Value;
            }

            if (request.Adopted)
            {
                note.MarkedAdopted = true;
                note.AdoptedOn = time.Today;
                note.AdoptedCount++;
            }
            else
            {
                note.MarkedUseful = true;
                note.UsefulCount++;
            }

            NetworkOutbox.Enqueue(db, request.Adopted ? NetworkKinds.NoteAdopted : NetworkKinds.NoteUseful, new NoteEventMessage(note.NoteId));
            request.AuditAction = $"Network note {note.Id}: {(request.Adopted ? "adopted" : "marked useful")}";
            return Unit.Value;
        }
    }
}
