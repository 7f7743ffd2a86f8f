namespace FailingWell.Web.Features.Digests;

/// <summary>The <c>Digests</c> configuration section: when the weekly and monthly packs are built (cron, UK time).</summary>
public sealed class DigestSettings
{
    public const string Section = "Digests";

    /// <summary>Monday 7am: the week just ended.</summary>
    public string WeeklyCron { get; set; } = "0 0 7 ? * MON";

    /// <summary>The first of the month, 7am: the month just ended.</summary>
    public string MonthlyCron { get; set; } = "0 0 7 1 * ?";
}
