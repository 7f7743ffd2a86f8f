using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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

public static class PasswordSignIn
{
    public const string LockedOutMessage =
        "This account is locked because of too many failed attempts to sign in. Try again later, or ask an administrator to unlock it";

    public enum Outcome
    {
        SignedIn,
        NeedsAuthenticatorCode,
        Failed,
        LockedOut,
    }

    public sealed class Command : IRequest<Outcome>
    {
        public string Email { get; set; } = "";

        public string Password { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your email address");
            RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password");
        }
    }

    public sealed class Handler(SignInManager<StaffAccount> signInManager, TimeProvider clock) : IRequestHandler<Command, Outcome>
    {
        public async Task<Outcome> Handle(Command request, CancellationToken cancellationToken)
        {
            var candidate = await signInManager.UserManager.FindByNameAsync(request.Email.Trim());
            if (candidate is { IsDisabled: true })
            {
                return Outcome.Failed;
            }

            var result = await signInManager.PasswordSignInAsync(request.Email.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                return Outcome.LockedOut;
            }

            if (result.RequiresTwoFactor)
            {
                return Outcome.NeedsAuthenticatorCode;
            }

            if (!result.Succeeded)
            {
                return Outcome.Failed;
            }

            if (candidate is not null)
            {
                candidate.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
                await signInManager.UserManager.UpdateAsync(candidate);
            }

            return Outcome.SignedIn;
        }
    }
}
