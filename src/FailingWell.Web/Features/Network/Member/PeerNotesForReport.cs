using FailingWell.Web.Domain.Network;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// At triage: the few library notes that best match a report, by its category (worth most) and the
/// words of its title and account. Only ever shown to this organisation's leads; nothing is sent.
/// </summary>
public static class PeerNotesForReport
{
    public const int Shown = 3;

    /// <summary>How many of a report's words the library is searched for (its longest, which say most).</summary>
    public const int MostWordsLookedFor = 20;

    public sealed record Query(int? ReportId, int? ResponseId) : IRequest<Panel>;

    public sealed record Match(int Id, string Title, string AuthorName, string Category);

    public sealed record Panel(bool IsMember, int? ReportId, int? ResponseId, bool CanDraft, IReadOnlyList<Match> Notes);

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "about", "after", "again", "also", "because", "been", "before", "being", "could", "from", "have", "into", "just",
        "more", "most", "only", "other", "over", "said", "some", "than", "that", "their", "them", "then", "there", "they",
        "this", "very", "were", "what", "when", "which", "while", "with", "would", "your", "patient", "staff",
    };

    /// <summary>The words that say what a text is about: four letters or more, not the commonest.</summary>
    public static HashSet<string> Keywords(string? text) =>
        [.. (text ?? "").ToLowerInvariant()
            .Split((char[])[' ', ',', '.', ';', ':', '!', '?', '"', '(', ')', '\t', '\n', '\r', '-', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4 && !Ignored.Contains(w))];

    public sealed class Handler(FailingWellDbContext db, IOptions<NetworkSettings> options) : IRequestHandler<Query, Panel>
    {
        public async Task<Panel> Handle(Query request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            var member = options.Value.Role == NetworkRole.Member;
            if (!member)
            {
                return new Panel(false, request.ReportId, request.ResponseId, false, []);
            }

            if (request.ReportId is not { } reportId)
            {
                return new Panel(true, null, request.ResponseId, request.ResponseId is not null, []);
            }

            var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
                .Select(r => new { r.Status, Category = r.Category!.Name, r.Title, r.WhatHappened }).SingleOrDefaultAsync(cancellationToken);
            if (report is null)
            {
                return new Panel(true, reportId, null, false, []);
            }

            var words = Keywords($"{report.Title} {report.WhatHappened}");
            // Only notes that can score are read: the same category, or one of the report's longest words somewhere in
            // the note (the database looks; the whole library's text is not loaded for every report opened).
            var longest = words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).Take(MostWordsLookedFor).ToList();
            var category = report.Category;
            // Translated to lower(...) in SQL, which is what the culture analysers cannot see (as in SearchLibrary).
#pragma warning disable CA1304, CA1311, CA1862
            var candidates = await db.NetworkNotes.AsNoTracking()
                .Where(n => !n.IsOwn && (n.Category == category
                    || longest.Any(w => n.Title.ToLower().Contains(w) || n.WhatHappened.ToLower().Contains(w)
                        || n.WhatWasLearned.ToLower().Contains(w) || n.WhatChanged.ToLower().Contains(w))))
#pragma warning restore CA1304, CA1311, CA1862
                .OrderByDescending(n => n.Sequence).Take(2000)
                .Select(n => new { n.Id, n.Title, n.AuthorName, n.Category, Text = n.Title + " " + n.WhatHappened + " " + n.WhatWasLearned + " " + n.WhatChanged })
                .ToListAsync(cancellationToken);
            var best = candidates
                .Select(n => new { Note = n, Score = (n.Category == report.Category ? 3 : 0) + Keywords(n.Text).Count(words.Contains) })
                .Where(x => x.Score > 0).OrderByDescending(x => x.Score).ThenByDescending(x => x.Note.Id).Take(Shown)
                .Select(x => new Match(x.Note.Id, x.Note.Title, x.Note.AuthorName, x.Note.Category)).ToList();
            return new Panel(true, reportId, null, report.Status == ReportStatus.Closed, best);
        }
    }
}
