namespace FailingWell.Web.Features.Account;

/// <summary>
/// Where a member of staff lands after signing in with no page to go back to: the first page their
/// role may open. Read on the request after sign-in, when the cookie holds the roles.
/// </summary>
public sealed class HomeModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(
        User.IsInRole(StaffRoles.GovernanceLead) || User.IsInRole(StaffRoles.Admin) ? "/triage"
        : User.IsInRole(StaffRoles.Guardian) && !User.IsInRole(StaffRoles.Executive) ? "/speak-up"
        : User.IsInRole(StaffRoles.NetworkCoordinator) ? "/network/hub/members"
        : "/digests");
}
