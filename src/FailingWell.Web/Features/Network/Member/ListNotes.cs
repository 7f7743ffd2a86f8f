using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>/network/notes: drafts, notes awaiting approval (and whether this lead may approve them), and published notes.</summary>
public static class ListNotes
{
    public sealed record Query : IRequest<Result>, IStaffRequest
    {
        public string ActorAccountId { get; set; } = "";
    }

    public sealed record Item(int Id, string Title, string Category, LearningNoteStatus Status, string DraftedBy, bool DraftedByYou,
        bool ChangedByYou, DateOnly? PublishedOn, int Useful, int Adopted, IReadOnlyList<string> Warnings);

    public sealed record Result(IReadOnlyList<Item> Drafts, IReadOnlyList<Item> AwaitingApproval, IReadOnlyList<Item> Published);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var notes = await db.LearningNotes.AsNoTracking().Where(n => n.Status != LearningNoteStatus.Discarded)
                .OrderByDescending(n => n.Id).Take(500).ToListAsync(cancellationToken);
            var ids = notes.Select(n => n.DraftedByAccountId).Distinct().ToList();
            var names = await db.Users.OfType<StaffAccount>().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            var noteIds = notes.Select(n => n.NoteId).ToList();
            var counts = await db.NetworkNotes.AsNoTracking().Where(n => noteIds.Contains(n.NoteId))
                .ToDictionaryAsync(n => n.NoteId, n => (n.UsefulCount, n.AdoptedCount), cancellationToken);
            var changed = await NoteEditors.ChangedByAsync(db, request.ActorAccountId,
                [.. notes.Where(n => n.Status == LearningNoteStatus.AwaitingApproval).Select(n => n.Id)], cancellationToken);
            var items = notes.Select(n =>
            {
                var (useful, adopted) = counts.GetValueOrDefault(n.NoteId);
                return new Item(n.Id, n.Title, n.Category, n.Status, names.GetValueOrDefault(n.DraftedByAccountId) ?? "A former member of staff",
                    n.DraftedByAccountId == request.ActorAccountId, changed.Contains(n.Id), n.PublishedOn, useful, adopted,
                    [.. new[] { n.Title, n.WhatHappened, n.WhatWasLearned, n.WhatChanged }.SelectMany(SharingWarnings.For).Distinct()]);
            }).ToList();
            return new Result(
                [.. items.Where(i => i.Status == LearningNoteStatus.Draft)],
                [.. items.Where(i => i.Status == LearningNoteStatus.AwaitingApproval)],
                [.. items.Where(i => i.Status == LearningNoteStatus.Published)]);
        }
    }
}
