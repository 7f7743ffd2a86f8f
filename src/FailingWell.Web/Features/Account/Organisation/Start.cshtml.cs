using Microsoft.AspNetCore.Authentication;

namespace FailingWell.Web.Features.Account.Organisation;

/// <summary>
/// The button on the sign-in page: sends the browser to the organisation's sign-in. A link (GET), not a
/// form: the site's form-action policy would stop a form whose answer leads to another site.
/// </summary>
public sealed class StartModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var status = await mediator.Send(new ProviderStatus.Query());
        if (!status.Offered || !status.Reachable)
        {
            return Redirect(OrganisationSignInProblems.PathFor(status.Offered ? OrganisationSignInProblems.Unavailable : OrganisationSignInProblems.NotOffered));
        }

        var finish = "/account/sign-in/organisation/finish";
        if (Url.IsLocalUrl(ReturnUrl))
        {
            finish += "?returnUrl=" + Uri.EscapeDataString(ReturnUrl);
        }

        return Challenge(new AuthenticationProperties { RedirectUri = finish }, OrganisationSignInModule.Scheme);
    }
}
