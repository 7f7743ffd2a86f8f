using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace FailingWell.Web.Features.Account;

/// <summary>
/// Setting up an authenticator app. Governance leads and admins must, before they can see any report.
/// </summary>
public sealed class TwoFactorModel(IMediator mediator, UserManager<StaffAccount> users) : PageModel
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
        Input.AccountId = User.AccountId();
        if (await mediator.Send(Input))
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/triage");
        }

        ModelState.AddModelError("Input.Code", "The code is not right. Enter the code your authenticator app shows now");
        return Page();
    }

    private async Task LoadAsync()
    {
        var account = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in account not found.");
        AlreadyOn = account.TwoFactorEnabled && User.HasClaim("amr", "mfa");
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account) ?? "";
        }

        Key = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/FailingWell:{Uri.EscapeDataString(account.Email ?? "")}?secret={key}&issuer=FailingWell&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrSvg = new SvgQRCode(data).GetGraphic(5);
    }
}

public static class EnableAuthenticator
{
    public sealed class Command : ICommand<bool>
    {
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public string AccountId { get; set; } = "";

        public string Code { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Code).AuthenticatorCode();
    }

    public sealed class Handler(UserManager<StaffAccount> users, SignInManager<StaffAccount> signIn) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var account = await users.FindByIdAsync(request.AccountId) ?? throw new InvalidOperationException("Account not found.");
            if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, request.Code.Replace(" ", "", StringComparison.Ordinal)))
            {
                return false;
            }

            await users.SetTwoFactorEnabledAsync(account, true);
            // This sign-in has now proved the second factor: mark it so, as a code sign-in would be.
            await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim("amr", "mfa")]);
            return true;
        }
    }
}
