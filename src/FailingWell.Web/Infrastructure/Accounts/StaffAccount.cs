using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Infrastructure.Accounts;

/// <summary>
/// An account for a governance lead, an executive or an administrator. Staff who report need none.
/// </summary>
public sealed class StaffAccount : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastSignInAtUtc { get; set; }

    /// <summary>A disabled account cannot sign in, and its sessions end at the next security check.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The last authenticator time step accepted, so no code can be used twice.</summary>
    public long? LastAuthenticatorStep { get; set; }
}

public static class StaffRoles
{
    public const string GovernanceLead = nameof(GovernanceLead);
    public const string Executive = nameof(Executive);
    public const string Admin = nameof(Admin);

    /// <summary>The Freedom to Speak Up guardian: speak-up cases, and nothing of the incident reports.</summary>
    public const string Guardian = nameof(Guardian);

    /// <summary>Runs a learning network's hub: its members, their keys, and peer support. Hub only.</summary>
    public const string NetworkCoordinator = nameof(NetworkCoordinator);

    public static readonly IReadOnlyList<string> All = [GovernanceLead, Executive, Admin, Guardian, NetworkCoordinator];
}
