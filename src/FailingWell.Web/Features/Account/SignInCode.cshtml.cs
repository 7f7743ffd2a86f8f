using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/triage");
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

public static class SignInWithCode
{
    public enum Outcome
    {
        SignedIn,
        Failed,
        LockedOut,
        Expired,
    }

    public sealed class Command : IRequest<Outcome>
    {
        public string Code { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).AuthenticatorCode();
    }

    public sealed class Handler(SignInManager<StaffAccount> signInManager, TimeProvider clock) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var account = await signInManager.GetTwoFactorAuthenticationUserAsync();
            if (account is null)
            {
                return Outcome.Expired;
            }

            var result = await signInManager.TwoFactorAuthenticatorSignInAsync(request.Code.Replace(" ", "", StringComparison.Ordinal), isPersistent: false, rememberClient: false);
            if (result.Succeeded)
            {
                account.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
                await signInManager.UserManager.UpdateAsync(account);
            }

            return result.Succeeded ? Outcome.SignedIn : result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed;
        }
    }
}

public static class AuthenticatorCodeRule
{
    /// <summary>Six digits, perhaps with a space in the middle, as authenticator apps show them.</summary>
    public static IRuleBuilderOptions<T, string> AuthenticatorCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter the 6-digit code from your authenticator app")
            .Matches(@"^\s*\d{3}\s?\d{3}\s*$").WithMessage("The code is 6 numbers, for example 123456");
}
