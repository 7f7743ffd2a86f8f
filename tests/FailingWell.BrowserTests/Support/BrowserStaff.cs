using FailingWell.Web.Features.Admin;
using FailingWell.Web.Infrastructure.Accounts;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Support;

/// <summary>Staff accounts as an admin would make them, with an authenticator set up, and signing in as one in a browser.</summary>
public static class BrowserStaff
{
    public const string Password = "a long enough password";

    public sealed record Account(string Id, string Email, string Name, string AuthenticatorKey);

    public static async Task<Account> CreateAsync(IServiceProvider services, string role, string name)
    {
        ArgumentNullException.ThrowIfNull(role);
        await using var scope = services.CreateAsyncScope();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@trust.nhs.uk";
        var created = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AddAccount.Command
        {
            Email = email, DisplayName = name, Role = role, Password = Password,
        });
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var account = (await users.FindByIdAsync(created.AccountId))!;
        await users.ResetAuthenticatorKeyAsync(account);
        await users.SetTwoFactorEnabledAsync(account, true);
        return new Account(created.AccountId, email, name, (await users.GetAuthenticatorKeyAsync(account))!);
    }

    /// <summary>Signs in at the page it is on (a sign-in form after a redirect): password, then the authenticator's code.</summary>
    public static async Task SignInAsync(IPage page, Account account)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(account);
        await page.GetByLabel("Email address").FillAsync(account.Email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var code = SingleUseAuthenticatorTokenProvider.Code(Base32.Decode(account.AuthenticatorKey), SingleUseAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.UtcNow));
        await page.GetByLabel("Code from your authenticator app").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }
}
