namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// Who has changed a learning note: every save (draft or submitted) is already in the audit log, by
/// account, and the log is never pruned, so it is the record of editors (decision 0095). Saving writes
/// its entry through <see cref="Saved"/> and the two-person rule reads it back through the same words,
/// so the two cannot drift apart.
/// </summary>
public static class NoteEditors
{
    /// <summary>The audit log's words for a save of note <paramref name="noteId"/>.</summary>
    public static string Saved(int noteId, bool submitted) =>
        $"Learning note {noteId}: {(submitted ? "submitted for approval" : "draft saved")}";

    /// <summary>The notes among <paramref name="noteIds"/> that <paramref name="accountId"/> has saved at any time.</summary>
    public static async Task<HashSet<int>> ChangedByAsync(FailingWellDbContext db, string accountId, IReadOnlyCollection<int> noteIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(noteIds);
        if (noteIds.Count == 0 || string.IsNullOrEmpty(accountId))
        {
            return [];
        }

        var words = noteIds.SelectMany(id => new[] { Saved(id, false), Saved(id, true) }).ToList();
        var found = await db.AuditEntries.AsNoTracking().Where(a => a.AccountId == accountId && words.Contains(a.Action))
            .Select(a => a.Action).Distinct().ToListAsync(cancellationToken);
        return [.. noteIds.Where(id => found.Contains(Saved(id, false)) || found.Contains(Saved(id, true)))];
    }
}
