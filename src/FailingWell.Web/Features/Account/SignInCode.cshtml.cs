namespace FailingWell.Web.Features.Account;

/// <summary>The second step of signing in: the code from the authenticator app.</summary>
public sealed class SignInCodeModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public SignInWithCode.Command Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await mediator.Send(Input))
        {
            case SignInWithCode.Outcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account/home");
            case SignInWithCode.Outcome.Expired:
                return RedirectToPage("/Account/SignIn", new { ReturnUrl });
            case SignInWithCode.Outcome.LockedOut:
                ModelState.AddModelError("Input.Code", PasswordSignIn.LockedOutMessage);
                return Page();
            default:
                ModelState.AddModelError("Input.Code", "The code is not right, or has been used already. Enter the code your authenticator app shows now");
                return Page();
        }
    }
}
