using Microsoft.AspNetCore.Authentication;

namespace FailingWell.Web.Features.Account.Organisation;

/// <summary>
/// Offered once the FailingWell session has ended: signs out of the organisation's account too, at the
/// provider's end-session endpoint, which sends the browser back to the signed-out page.
/// </summary>
public sealed class ProviderSignOutModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        // Still signed in here: FailingWell's own sign-out comes first (a GET never ends a session).
        if (User.Identity?.IsAuthenticated == true)
        {
            return Redirect("/account/sign-out");
        }

        var status = await mediator.Send(new ProviderStatus.Query());
        if (!status.Offered)
        {
            return Redirect("/account/sign-out");
        }

        if (!status.Reachable || !status.HasEndSession)
        {
            return Redirect(OrganisationSignInProblems.PathFor(OrganisationSignInProblems.Unavailable));
        }

        return SignOut(new AuthenticationProperties { RedirectUri = "/account/sign-out" }, OrganisationSignInModule.Scheme);
    }
}
