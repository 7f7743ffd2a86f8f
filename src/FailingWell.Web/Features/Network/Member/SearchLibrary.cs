using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>/network/library: every network note this organisation holds, searched by words (all of them, anywhere in the note) and category.</summary>
public static class SearchLibrary
{
    public const int PageSize = 50;

    public sealed record Query(string? Words, string? Category) : IRequest<Result>;

    public sealed record Item(int Id, string Title, string AuthorName, string Category, ReportKind Kind, string Month, bool IsOwn, int Useful, int Adopted);

    public sealed record Result(IReadOnlyList<Item> Notes, int Total, IReadOnlyList<string> Categories);

    /// <summary>The words of a search, lower case, at most ten.</summary>
    public static IReadOnlyList<string> WordsOf(string? text) =>
        [.. (text ?? "").ToLowerInvariant().Split((char[])[' ', ',', '.', ';', ':', '!', '?', '"', '(', ')', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length <= 50).Distinct().Take(10)];

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            IQueryable<NetworkNote> notes = db.NetworkNotes.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(request.Category))
            {
                notes = notes.Where(n => n.Category == request.Category);
            }

            // Translated to SQL's lower(), the same on every provider; the words are lower-cased invariantly.
#pragma warning disable CA1304, CA1311, CA1862
            foreach (var word in WordsOf(request.Words))
            {
                notes = notes.Where(n => n.Title.ToLower().Contains(word) || n.WhatHappened.ToLower().Contains(word)
                    || n.WhatWasLearned.ToLower().Contains(word) || n.WhatChanged.ToLower().Contains(word));
            }
#pragma warning restore CA1304, CA1311, CA1862

            var total = await notes.CountAsync(cancellationToken);
            var page = await notes.OrderByDescending(n => n.Sequence).Take(PageSize)
                .Select(n => new Item(n.Id, n.Title, n.AuthorName, n.Category, n.Kind, n.Month, n.IsOwn, n.UsefulCount, n.AdoptedCount))
                .ToListAsync(cancellationToken);
            var categories = await db.NetworkNotes.AsNoTracking().Select(n => n.Category).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
            return new Result(page, total, categories);
        }
    }
}
