namespace FailingWell.Web.Features.Account.Organisation;

/// <summary>Where the provider's answer lands once the handler has checked it: which account, and what next.</summary>
public sealed class FinishModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await mediator.Send(new SignInWithOrganisation.Command());
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        return result.Outcome switch
        {
            SignInWithOrganisation.Outcome.SignedIn => LocalRedirect(returnUrl ?? "/account/home"),
            SignInWithOrganisation.Outcome.NeedsAuthenticatorCode => RedirectToPage("/Account/SignInCode", new { ReturnUrl = returnUrl }),
            SignInWithOrganisation.Outcome.NeedsEnrolment => RedirectToPage("/Account/TwoFactor", new { ReturnUrl = returnUrl }),
            SignInWithOrganisation.Outcome.Refused => Redirect(OrganisationSignInProblems.PathFor(result.Problem!)),
            _ => Redirect(OrganisationSignInProblems.PathFor(OrganisationSignInProblems.Interrupted)),
        };
    }
}
