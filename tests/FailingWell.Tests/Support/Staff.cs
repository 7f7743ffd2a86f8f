using FailingWell.Web.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace FailingWell.Tests.Support;

/// <summary>Staff accounts for tests, and signing them in over HTTP as a browser would, code and all.</summary>
public static class Staff
{
    public const string Password = "a long enough password";

    public sealed record Account(string Id, string Email, string Name, string? AuthenticatorKey);

    public static async Task<Account> CreateAsync(FailingWellApp app, string role, bool withTwoFactor = true, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@trust.nhs.uk";
        name ??= $"{role} {email[..8]}";
        await using var scope = app.Scope();
        var created = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AddAccount.Command
        {
            Email = email, DisplayName = name, Role = role, Password = Password,
        });
        string? key = null;
        if (withTwoFactor)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            var account = (await users.FindByIdAsync(created.AccountId))!;
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
        }

        return new Account(created.AccountId, email, name, key);
    }

    /// <summary>What the authenticator app shows now, or a step later (a code cannot be used twice).</summary>
    public static string CodeFor(Account account, int stepsAhead = 0, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var step = SingleUseAuthenticatorTokenProvider.CurrentStep((clock ?? TimeProvider.System).GetUtcNow()) + stepsAhead;
        return SingleUseAuthenticatorTokenProvider.Code(Base32.Decode(account.AuthenticatorKey!), step);
    }

    /// <summary>Posts the sign-in form's email and password, and nothing more.</summary>
    public static Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password = Password) =>
        Forms.PostAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>A browser signed in as the account: password, then the authenticator code when it has one.</summary>
    public static async Task<HttpClient> SignInAsync(FailingWellApp app, Account account)
    {
        ArgumentNullException.ThrowIfNull(app);
        return await SignInWithAsync(app, app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), account);
    }

    /// <summary>The same, keeping the browser's cookies in <paramref name="cookies"/>, where a test can copy them.</summary>
    public static async Task<HttpClient> SignInAsync(FailingWellApp app, Account account, CookieContainer cookies)
    {
        ArgumentNullException.ThrowIfNull(app);
        return await SignInWithAsync(app, app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), account);
    }

    private static async Task<HttpClient> SignInWithAsync(FailingWellApp app, HttpClient client, Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var password = await PostSignInAsync(client, account.Email);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        if (account.AuthenticatorKey is not null)
        {
            Assert.StartsWith("/account/sign-in/code", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var code = await Forms.PostAsync(client, "/account/sign-in/code", new Dictionary<string, string> { ["Input.Code"] = CodeFor(account, clock: app.Clock) });
            Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        }

        return client;
    }
}
