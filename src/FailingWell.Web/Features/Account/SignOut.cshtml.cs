namespace FailingWell.Web.Features.Account;

public sealed class SignOutModel(IMediator mediator) : PageModel
{
    /// <summary>Whether this browser still holds a session: then the page offers sign-out instead of confirming it.</summary>
    public bool SignedIn { get; private set; }

    public void OnGet() => SignedIn = User.Identity?.IsAuthenticated == true;

    public async Task<IActionResult> OnPostAsync()
    {
        await mediator.Send(new EndSession.Command());
        return RedirectToPage();
    }
}
