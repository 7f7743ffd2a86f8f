namespace FailingWell.Web.Features.Account;

/// <summary>
/// Setting up an authenticator app. Everyone with a governance role must (executives too), before
/// they can see any report, digest or culture page.
/// </summary>
public sealed class TwoFactorModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public EnableAuthenticator.Command Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool AlreadyOn { get; private set; }

    public string Key { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (await mediator.Send(Input))
        {
            // The same landing as a sign-in: a guardian was once sent to the queue, which refused them.
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : HomeModel.LandingFor(User));
        }

        ModelState.AddModelError("Input.Code", "The code is not right. Enter the code your authenticator app shows now");
        return Page();
    }

    private async Task LoadAsync()
    {
        var setup = await mediator.Send(new AuthenticatorSetup.Query());
        // On only when this sign-in proved it too: the claim is the cookie's, so the page reads it.
        AlreadyOn = setup.TwoFactorEnabled && User.HasClaim("amr", "mfa");
        Key = setup.Key;
        QrSvg = setup.QrSvg;
    }
}
