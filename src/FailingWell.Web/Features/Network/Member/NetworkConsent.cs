namespace FailingWell.Web.Features.Network.Member;

/// <summary>Whether this organisation's admins agreed to share its insularity signals with the coordinator (a Setting).</summary>
public static class NetworkConsent
{
    public const string Key = "Network.ShareSignals";

    public const string Wording = "Share our insularity signals with the network's coordinator so they can offer peer support";

    public static async Task<bool> ReadAsync(FailingWellDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Settings.AsNoTracking().Where(s => s.Key == Key).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken) == "true";
    }
}
