using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace FailingWell.Web.Features.Account;

/// <summary>
/// What the signed-in account needs to add FailingWell to an authenticator app: its key (made on
/// first use, then kept until an admin resets it) as text and as a QR code.
/// </summary>
public static class AuthenticatorSetup
{
    public sealed class Query : IRequest<Result>, IStaffRequest
    {
        public string ActorAccountId { get; set; } = "";
    }

    /// <param name="TwoFactorEnabled">Whether the account has two-factor on (this sign-in may not have used it yet).</param>
    /// <param name="Key">The key in groups of four, for typing into the app.</param>
    /// <param name="QrSvg">The same key as a QR code, for scanning.</param>
    public sealed record Result(bool TwoFactorEnabled, string Key, string QrSvg);

    public sealed class Handler(UserManager<StaffAccount> users, SignInManager<StaffAccount> signIn) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var account = await users.FindByIdAsync(request.ActorAccountId) ?? throw new InvalidOperationException("Signed-in account not found.");
            var key = await users.GetAuthenticatorKeyAsync(account);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(account);
                key = await users.GetAuthenticatorKeyAsync(account) ?? "";
                // A new key changes the security stamp, which ends every session made before it:
                // this one is given the new stamp, keeping its sign-in time.
                await signIn.RefreshSignInAsync(account);
            }

            var uri = $"otpauth://totp/FailingWell:{Uri.EscapeDataString(account.Email ?? "")}?secret={key}&issuer=FailingWell&digits=6";
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
            return new Result(
                account.TwoFactorEnabled,
                string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant(),
                new SvgQRCode(data).GetGraphic(5));
        }
    }
}
