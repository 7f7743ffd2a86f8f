namespace FailingWell.Web.Features.Lfpse;

/// <summary>How this trust reaches LFPSE (docs/lfpse.md). With no base URL nothing is sent.</summary>
public sealed class LfpseSettings
{
    public const string Section = "Lfpse";

    /// <summary>LFPSE's API host, for example https://psims-uat.azure-api.net; empty: LFPSE is not connected.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The trust's Azure API Management subscription key: a secret setting, never logged or shown.</summary>
    public string SubscriptionKey { get; set; } = "";

    /// <summary>The organisation's ODS code until an admin sets it on /admin (which then wins).</summary>
    public string OdsCode { get; set; } = "";

    /// <summary>How long one request may take; one that takes longer is marked for an admin to check, never re-sent.</summary>
    public int TimeoutSeconds { get; set; } = 40;

    public int DeliveryIntervalSeconds { get; set; } = 30;

    /// <summary>How many requests one run claims.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How many requests are in flight at once.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>After this many attempts that never reached LFPSE, a request is failed for an admin to retry.</summary>
    public int MaxAttempts { get; set; } = 8;

    public bool IsConnected => Uri.TryCreate(BaseUrl, UriKind.Absolute, out _);
}
