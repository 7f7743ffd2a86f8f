using FailingWell.Web.Features.Account.Organisation;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Account;

public sealed class SignOutModel(IMediator mediator, IOptions<OrganisationSignInSettings> organisation) : PageModel
{
    /// <summary>With an organisation sign-in configured, the signed-out page offers its sign-out too.</summary>
    public OrganisationSignInSettings Organisation => organisation.Value;

    /// <summary>Whether this browser still holds a session: then the page offers sign-out instead of confirming it.</summary>
    public bool SignedIn { get; private set; }

    public void OnGet() => SignedIn = User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnPostAsync()
    {
        await mediator.Send(new EndSession.Command());
        return RedirectToPage();
    }
}
