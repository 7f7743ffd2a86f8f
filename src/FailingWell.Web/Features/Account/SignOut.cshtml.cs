namespace FailingWell.Web.Features.Account;

public sealed class SignOutModel(IMediator mediator) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await mediator.Send(new EndSession.Command());
        return RedirectToPage();
    }
}
