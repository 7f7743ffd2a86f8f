namespace FailingWell.Web.Features.Culture;

/// <summary>
/// The culture page's settings: how often the roll-ups behind the charts are refreshed (the
/// <c>Culture</c> section) and the peer group to compare with (<c>Organisation:PeerGroup</c>).
/// </summary>
public sealed class CultureSettings
{
    public const string Section = "Culture";

    /// <summary>Where operators set the peer group: it belongs to the organisation, not to one page.</summary>
    public const string PeerGroupKey = "Organisation:PeerGroup";

    public int RollupIntervalSeconds { get; set; } = 600;

    /// <summary>The first refresh after start-up.</summary>
    public int FirstRollupSeconds { get; set; } = 30;

    /// <summary>The peer group whose published rates this organisation is compared with; none when unset.</summary>
    public string? PeerGroup { get; set; }
}
