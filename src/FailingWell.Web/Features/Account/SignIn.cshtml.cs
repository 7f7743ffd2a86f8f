namespace FailingWell.Web.Features.Account;

public sealed class SignInModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public PasswordSignIn.Command Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await mediator.Send(Input);
        switch (outcome)
        {
            case PasswordSignIn.Outcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
            case PasswordSignIn.Outcome.NeedsAuthenticatorCode:
                return RedirectToPage("/Account/SignInCode", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
            case PasswordSignIn.Outcome.LockedOut:
                ModelState.AddModelError("Input.Email", PasswordSignIn.LockedOutMessage);
                break;
            default:
                ModelState.AddModelError("Input.Email", "Enter a correct email address and password");
                break;
        }

        return Page();
    }
}
