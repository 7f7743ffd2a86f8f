namespace FailingWell.Web.Infrastructure.Data;

/// <summary>
/// One value built from the lists or settings, kept by this node while <see cref="ReferenceDataVersion"/>
/// has not moved, and for at most <see cref="Lifetime"/>, after which a change made on another node
/// shows here too (docs/decisions/0079). Register one a kind of value, as a singleton.
/// </summary>
public sealed class KeptWhileUnchanged<T>(ReferenceDataVersion versions, TimeProvider clock)
    where T : class
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private volatile Entry? entry;

    private sealed record Entry(long Version, DateTimeOffset Until, T Value);

    /// <summary>The value kept, or one built now (and kept) when there is none or it may be out of date.</summary>
    public async Task<T> GetAsync(Func<Task<T>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        // Read before building, so a change committed while the value is built is not kept as current.
        var version = versions.Current;
        if (entry is { } kept && kept.Version == version && clock.GetUtcNow() < kept.Until)
        {
            return kept.Value;
        }

        var value = await build();
        entry = new Entry(version, clock.GetUtcNow() + Lifetime, value);
        return value;
    }
}
