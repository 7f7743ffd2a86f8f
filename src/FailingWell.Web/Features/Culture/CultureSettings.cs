namespace FailingWell.Web.Features.Culture;

/// <summary>The <c>Culture</c> configuration section: how often the roll-ups behind the charts are refreshed.</summary>
public sealed class CultureSettings
{
    public const string Section = "Culture";

    public int RollupIntervalSeconds { get; set; } = 600;

    /// <summary>The first refresh after start-up.</summary>
    public int FirstRollupSeconds { get; set; } = 30;
}
