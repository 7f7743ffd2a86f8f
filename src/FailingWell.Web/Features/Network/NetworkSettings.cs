namespace FailingWell.Web.Features.Network;

public enum NetworkRole
{
    /// <summary>Standalone: the network pages say the organisation has not joined one.</summary>
    None = 0,

    /// <summary>An organisation in a network: sends notes and figures to the hub, pulls the library.</summary>
    Member = 1,

    /// <summary>The network's hub: keeps members, their keys, published notes (decision 0071).</summary>
    Hub = 2,
}

/// <summary>The <c>Network</c> section: which part this site plays in a learning network, and how it reaches the hub.</summary>
public sealed class NetworkSettings
{
    public const string Section = "Network";

    public NetworkRole Role { get; set; } = NetworkRole.None;

    /// <summary>The hub's address (a member's): https, or http on loopback only (tests and the demo).</summary>
    public Uri? HubUrl { get; set; }

    /// <summary>This member's number, issued by the hub.</summary>
    public int MemberId { get; set; }

    /// <summary>The secret key the hub's coordinator issued to this member.</summary>
    public string Key { get; set; } = "";

    /// <summary>This organisation's name as the network shows it.</summary>
    public string OrganisationName { get; set; } = "";

    /// <summary>"Acute trust", "Mental health trust"...: put on each note this organisation publishes.</summary>
    public string OrganisationType { get; set; } = "";

    /// <summary>How often the outbox is sent to the hub.</summary>
    public int DeliveryIntervalSeconds { get; set; } = 30;

    /// <summary>How often the library is pulled from the hub.</summary>
    public int PullIntervalSeconds { get; set; } = 300;

    /// <summary>The first wait after a failed delivery (doubling each time, at most an hour).</summary>
    public int RetryBaseSeconds { get; set; } = 60;

    /// <summary>A member is set up when it has a hub, an id and a key.</summary>
    public bool IsMember => Role == NetworkRole.Member && HubUrl is not null && MemberId > 0 && Key.Length > 0;

    /// <summary>Https, or plain http to a loopback address (a test or a demo on one machine).</summary>
    public static bool IsAllowedHubUrl(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
