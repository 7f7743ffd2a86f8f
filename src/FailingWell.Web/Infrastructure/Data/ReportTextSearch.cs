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

        var ids = IndexedIds(db, typed, statuses);
        return ids is null ? null : reports.Where(r => ids.Contains(r.Id));
    }

    /// <summary>
    /// The ids of the reports whose text has every word typed and, with <paramref name="statuses"/>, one of
    /// those statuses, read from the word index alone. Null on SQL Server (no index) and when nothing typed
    /// is a letter or a digit.
    /// </summary>
    public static IQueryable<int>? IndexedIds(FailingWellDbContext db, string typed, IReadOnlyCollection<ReportStatus>? statuses = null) =>
        Indexed(db, typed, statuses, null);

    /// <summary>
    /// One page of <see cref="IndexedIds"/> in id order, ordered and cut inside the index's own query: SQLite's
    /// word index then reads its lists newest first and stops at the page, where a sort of its ids reads them all.
    /// </summary>
    public static IQueryable<int>? IndexedPage(
        FailingWellDbContext db, string typed, IReadOnlyCollection<ReportStatus>? statuses, bool descending, int skip, int take) =>
        Indexed(db, typed, statuses, (descending, skip, take));

    private static IQueryable<int>? Indexed(
        FailingWellDbContext db, string typed, IReadOnlyCollection<ReportStatus>? statuses, (bool Descending, int Skip, int Take)? page)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(typed);
        var words = Words(typed);
        if (words.Count == 0 || db.Database.IsSqlServer())
        {
            return null;
        }

        string sql;
        var parameters = new List<object>();
        if (db.Database.IsNpgsql())
        {
            // The status filter goes into the same query, as the SQLite index narrows by status
            // itself: the queue's usual search (open reports) then reads the partial GIN index of
            // open reports only (the Baseline migration's IX_Reports_SearchVector_Open); the closed keep the full index.
            var wanted = statuses?.Distinct().ToList() ?? [];
            parameters.Add(TsQuery(words));
            if (wanted.Count == 0)
            {
                sql = PostgreSqlSearch;
            }
            else if (wanted.Count == ReportRules.OpenStatuses.Count && wanted.All(ReportRules.OpenStatuses.Contains))
            {
                sql = PostgreSqlSearchOpen;
            }
            else
            {
                sql = PostgreSqlSearch + " AND \"Status\" = ANY({1})";
                parameters.Add(wanted.Select(w => (int)w).ToArray());
            }
        }
        else
        {
            sql = "SELECT rowid AS Value FROM ReportText WHERE ReportText MATCH {0}";
            parameters.Add(MatchQuery(words, statuses));
        }

        if (page is { } cut)
        {
            sql += (cut.Descending ? " ORDER BY 1 DESC" : " ORDER BY 1") + $" LIMIT {{{parameters.Count}}} OFFSET {{{parameters.Count + 1}}}";
            parameters.Add(cut.Take);
            parameters.Add(cut.Skip);
        }

#pragma warning disable EF1003 // only this method's constant SQL and placeholders are joined: every value is a parameter
        return db.Database.SqlQueryRaw<int>(sql, [.. parameters]);
#pragma warning restore EF1003
    }

    // Only letters and digits are left, so neither query language can be broken out of. PostgreSQL's
    // configuration (failingwell_words, made by the Baseline migration) keeps words as typed, lower-cased and without
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
