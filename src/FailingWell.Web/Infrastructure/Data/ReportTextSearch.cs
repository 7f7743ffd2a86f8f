using System.Text;

namespace FailingWell.Web.Infrastructure.Data;

/// <summary>
/// Word search over what happened and the lead's title. On SQLite it reads the FTS5 index the
/// ReportTextSearch migration keeps (a LIKE would read every report's text: over a second at five
/// million reports); on SQL Server it is a LIKE until a full-text catalogue is set up there.
/// </summary>
public static class ReportTextSearch
{
    /// <summary>
    /// What a lead typed, as an FTS5 query: every word must appear in what happened or the title, as
    /// a word or the start of one ("slip" finds "slipped"); with <paramref name="statuses"/>, only
    /// reports in one of them (the index holds the status, so it narrows the matches itself rather
    /// than the database looking up each matching report). Null when nothing typed is a letter or a digit.
    /// </summary>
    public static string? MatchQuery(string typed, IReadOnlyCollection<Domain.ReportStatus>? statuses = null)
    {
        ArgumentNullException.ThrowIfNull(typed);
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

        if (words.Count == 0)
        {
            return null;
        }

        // Only letters and digits are left, so quoting each word cannot break out of the query.
        var text = "{WhatHappened Title} : (" + string.Join(' ', words.Select(w => $"\"{w}\"*")) + ")";
        return statuses is null || statuses.Count == 0
            ? text
            : text + " AND Status : (" + string.Join(" OR ", statuses.Select(s => $"\"{(int)s}\"")) + ")";
    }

    /// <summary>Ids of the reports whose text matches, for use inside a larger query.</summary>
    public static IQueryable<int> Matching(FailingWellDbContext db, string matchQuery)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ReportText WHERE ReportText MATCH {matchQuery}");
    }
}
