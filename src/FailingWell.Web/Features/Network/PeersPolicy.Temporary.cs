using Microsoft.AspNetCore.Authorization;

namespace FailingWell.Web.Features.Network;

// TEMPORARY (branch network-peers): CORE adds the NetworkCoordinator role and Policies.CoordinateNetwork.
// Until merge the hub pages are protected by this policy name; the integrator deletes this file and uses
// Policies.CoordinateNetwork in PeersModule.

public static class PeersPolicy
{
    public const string CoordinateNetwork = "CoordinateNetwork";

    public const string CoordinatorRole = "NetworkCoordinator";

    public static void Add(AuthorizationOptions options) =>
        options.AddPolicy(CoordinateNetwork, policy => policy.RequireRole(CoordinatorRole).AddRequirements(new TwoFactorRequirement()));
}
