using System.Text;

namespace FailingWell.Web.Infrastructure.Data;

/// <summary>
/// Word search over what happened and the lead's title, through each provider's own index, both made
/// by a migration of their own and kept out of the model (no query of reports reads them): SQLite's
/// FTS5 table, PostgreSQL's generated <c>tsvector</c> column with a GIN index.
/// A LIKE would read every report's text (over a second at five million reports); SQL Server keeps
/// that LIKE until a full-text catalogue is set up there (deploy/README.md).
/// </summary>
public static class ReportTextSearch
{
    private const string PostgreSqlSearch =
        "SELECT \"Id\" AS \"Value\" FROM \"Reports\" WHERE \"SearchVector\" @@ to_tsquery('failingwell_words'::regconfig, {0})";

    /// <summary>Written as the partial index's own condition (4 is <see cref="ReportStatus.Closed"/>), so PostgreSQL uses it.</summary>
    private const string PostgreSqlSearchOpen = PostgreSqlSearch + " AND \"Status\" <> 4";

    /// <summary>
    /// The reports whose text has every word typed; with <paramref name="statuses"/>, the caller's
    /// status filter, which the SQLite index narrows itself. Null when nothing typed is a letter or a digit.
    /// </summary>
    public static IQueryable<Report>? Where(
        FailingWellDbContext db, IQueryable<Report> reports, string typed, IReadOnlyCollection<ReportStatus>? statuses = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(typed);
        if (db.Database.IsSqlServer())
        {
            var text = typed.Trim();
            return reports.Where(r => r.WhatHappened.Contains(text) || (r.Title != null && r.Title.Contains(text)));
        }

        var words = Words(typed);
        if (words.Count == 0)
        {
            return null;
        }

        if (db.Database.IsNpgsql())
        {
            // The status filter goes into the same query, as the SQLite index narrows by status
            // itself: the queue's usual search (open reports) then reads the partial GIN index of
            // open reports only (migration OpenReportWordSearch); the closed keep the full index.
            var wanted = statuses?.Distinct().ToList() ?? [];
            IQueryable<int> found = wanted.Count == 0
                ? db.Database.SqlQueryRaw<int>(PostgreSqlSearch, TsQuery(words))
                : wanted.Count == ReportRules.OpenStatuses.Count && wanted.All(ReportRules.OpenStatuses.Contains)
                    ? db.Database.SqlQueryRaw<int>(PostgreSqlSearchOpen, TsQuery(words))
                    : db.Database.SqlQueryRaw<int>(PostgreSqlSearch + " AND \"Status\" = ANY({1})", TsQuery(words), wanted.Select(w => (int)w).ToArray());
            return reports.Where(r => found.Contains(r.Id));
        }

        var match = MatchQuery(words, statuses);
        var matching = db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ReportText WHERE ReportText MATCH {match}");
        return reports.Where(r => matching.Contains(r.Id));
    }

    // Only letters and digits are left, so neither query language can be broken out of. PostgreSQL's
    // configuration (the ReportWordSearch migration) keeps words as typed, lower-cased and without
    // accents, no stemming, no stop words, as SQLite's does, so both indexes find the same reports: every word, as a word or the start of one ("slip" finds "slipped").
    private static string TsQuery(List<string> words) =>
        string.Join(" & ", words.Select(w => w.ToLowerInvariant() + ":*"));

    private static string MatchQuery(List<string> words, IReadOnlyCollection<ReportStatus>? statuses)
    {
        var text = "{WhatHappened Title} : (" + string.Join(' ', words.Select(w => $"\"{w}\"*")) + ")";
        return statuses is null || statuses.Count == 0
            ? text
            : text + " AND Status : (" + string.Join(" OR ", statuses.Select(s => $"\"{(int)s}\"")) + ")";
    }

    private static List<string> Words(string typed)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in typed + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        return words;
    }
}
