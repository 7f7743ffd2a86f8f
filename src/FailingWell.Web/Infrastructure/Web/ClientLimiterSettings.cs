namespace FailingWell.Web.Infrastructure.Web;

/// <summary>The <c>ClientLimiter</c> configuration section: the limiter's table, not the limits (each form has its own).</summary>
public sealed class ClientLimiterSettings
{
    public const string Section = "ClientLimiter";

    /// <summary>
    /// The most counts the limiter holds (a client uses one per kind of count, about 150 bytes each).
    /// Past 90% of it, a new client is counted under its wider network; when that last tenth is full
    /// too, new clients go uncounted until counts expire (docs/decisions/0088).
    /// </summary>
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>How often the limiter removes counts whose hour has ended (never on a request).</summary>
    public int SweepSeconds { get; set; } = 60;
}
