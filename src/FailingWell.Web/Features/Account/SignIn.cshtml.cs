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
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        switch (outcome)
        {
            case PasswordSignIn.Outcome.NeedsAuthenticatorCode:
                return RedirectToPage("/Account/SignInCode", new { ReturnUrl = returnUrl });
            case PasswordSignIn.Outcome.NeedsEnrolment:
                // Every governance role signs in with two factors: set up the app before anything else.
                return RedirectToPage("/Account/TwoFactor", new { ReturnUrl = returnUrl });
            default:
                // One answer, whatever went wrong: an unknown, locked or disabled account looks like a wrong password.
                ModelState.AddModelError("Input.Email", PasswordSignIn.FailedMessage);
                break;
        }

        return Page();
    }
}
