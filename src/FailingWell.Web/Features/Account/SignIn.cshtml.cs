using FailingWell.Web.Features.Account.Organisation;
using FailingWell.Web.Infrastructure.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Account;

public sealed class SignInModel(IMediator mediator, ClientLimiter limiter, IConfiguration configuration, IOptions<OrganisationSignInSettings> organisation) : PageModel
{
    /// <summary>The organisation's sign-in, offered first when configured (docs/decisions/0125).</summary>
    public OrganisationSignInSettings Organisation => organisation.Value;

    /// <summary>
    /// Passwords are shown unless Authentication:LocalPasswords is false; then only an administrator's
    /// break-glass sign-in (?breakGlass=true) takes one (docs/decisions/0126).
    /// </summary>
    public bool ShowPasswords => PasswordSignIn.LocalPasswords(configuration) || !Organisation.IsEnabled || BreakGlass;

    [BindProperty(SupportsGet = true)]
    public bool BreakGlass { get; set; }

    /// <summary>Failed sign-ins from one client, whichever accounts they named (docs/decisions/0088).</summary>
    public const string Bucket = "sign-in";

    public const string TooManyMessage =
        "There have been too many failed attempts to sign in from your connection. Try again in an hour, or ask a FailingWell administrator";

    [BindProperty]
    public PasswordSignIn.Command Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Checked before the password, so the right one does not tell itself apart while limited.
        if (limiter.IsLimited(HttpContext, Bucket, configuration.GetValue("Accounts:MaxFailedSignInsPerClientPerHour", 20)))
        {
            ModelState.AddModelError("Input.Email", TooManyMessage);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

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
                limiter.Record(HttpContext, Bucket);
                ModelState.AddModelError("Input.Email", PasswordSignIn.FailedMessage);
                break;
        }

        return Page();
    }
}
