using System.Security.Claims;

namespace FailingWell.Web.Features.Account;

/// <summary>
/// Where a member of staff lands after signing in with no page to go back to: the first page their
/// role may open. Read on the request after sign-in, when the cookie holds the roles.
/// </summary>
public sealed class HomeModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(LandingFor(User));

    /// <summary>The first page <paramref name="user"/>'s roles may open: the one rule for every arrival (sign-in, authenticator set up).</summary>
    public static string LandingFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(StaffRoles.GovernanceLead) || user.IsInRole(StaffRoles.Admin) ? "/triage"
            : user.IsInRole(StaffRoles.Guardian) && !user.IsInRole(StaffRoles.Executive) ? "/speak-up"
            : user.IsInRole(StaffRoles.NetworkCoordinator) ? "/network/hub/members"
            : "/digests";
    }
}
