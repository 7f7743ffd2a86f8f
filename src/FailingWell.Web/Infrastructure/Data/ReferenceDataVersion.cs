using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FailingWell.Web.Infrastructure.Data;

/// <summary>
/// A number that moves on whenever this node commits a change to the lists staff choose from
/// (divisions, locations, categories, staff groups) or to a setting, so what is built from them can
/// be kept in memory and read again only when it may be out of date. A change made on another node
/// is not seen here: whatever is kept must also expire on its own (docs/decisions/0079).
/// </summary>
public sealed class ReferenceDataVersion : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly Type[] Watched = [typeof(Division), typeof(Location), typeof(Category), typeof(StaffGroup), typeof(Setting)];

    /// <summary>
    /// Contexts that saved a watched change inside a transaction not yet committed. A pooled context
    /// whose transaction was dropped unended stays here until its next commit moves the number: one
    /// value built again for nothing, never an old one kept.
    /// </summary>
    private readonly ConditionalWeakTable<DbContext, object> awaitingCommit = [];

    private long current;

    public long Current => Interlocked.Read(ref current);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    // Marked before the save, while the tracker still knows what changed; moved on once the change
    // can be read, so a node that reads the lists after the move never keeps the old ones.
    private void Note(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Array.IndexOf(Watched, e.Metadata.ClrType) >= 0))
        {
            awaitingCommit.AddOrUpdate(context, this);
        }
    }

    private void Saved(DbContextEventData eventData)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && awaitingCommit.Remove(context))
        {
            Interlocked.Increment(ref current);
        }
    }

    private void Committed(TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && awaitingCommit.Remove(context))
        {
            Interlocked.Increment(ref current);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            awaitingCommit.Remove(context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }
}
