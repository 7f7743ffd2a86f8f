namespace FailingWell.Web.Features.Network.Hub;

/// <summary>
/// Hub side, <c>GET /network/api/notes?since=N</c>: the notes published after sequence N (200 at most;
/// <see cref="NotesPage.More"/> says to ask again), and every note's counts, so an author sees how its
/// learning travelled however long ago it was published (the simplest correct way: counts are small).
/// </summary>
public static class NotesSince
{
    public const int PageSize = 200;

    public sealed record Query(long Since) : IRequest<NotesPage>;

    public sealed record Note(long Sequence, Guid NoteId, int AuthorMemberId, string AuthorName, string AuthorType,
        string Title, string WhatHappened, string WhatWasLearned, string WhatChanged, string Category,
        ReportKind Kind, PhysicalHarm HarmBand, string OrganisationType, string Month, DateOnly PublishedOn);

    public sealed record Counts(Guid NoteId, int Useful, int Adopted);

    public sealed record NotesPage(IReadOnlyList<Note> Notes, IReadOnlyList<Counts> Counts, bool More);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, NotesPage>
    {
        public async Task<NotesPage> Handle(Query request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            var notes = await db.HubNotes.AsNoTracking().Where(n => n.Sequence > request.Since).OrderBy(n => n.Sequence).Take(PageSize + 1)
                .Join(db.HubMembers, n => n.AuthorMemberId, m => m.Id, (n, m) => new Note(n.Sequence, n.NoteId, n.AuthorMemberId, m.Name, m.OrganisationType,
                    n.Title, n.WhatHappened, n.WhatWasLearned, n.WhatChanged, n.Category, n.Kind, n.HarmBand, n.OrganisationType, n.Month, n.PublishedOn))
                .ToListAsync(cancellationToken);
            var counts = await db.HubNoteEvents.AsNoTracking().GroupBy(e => e.NoteId)
                .Select(g => new Counts(g.Key, g.Count(e => e.Useful), g.Count(e => e.Adopted))).ToListAsync(cancellationToken);
            return new NotesPage([.. notes.OrderBy(n => n.Sequence).Take(PageSize)], counts, notes.Count > PageSize);
        }
    }
}
