using System.Text.RegularExpressions;
using FailingWell.Web.Features.Account;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

namespace FailingWell.Tests.Account;

/// <summary>
/// ASVS level 2: sign-in does not tell an unknown account from a wrong password or a locked or
/// disabled account, by its page or by the work it does.
/// </summary>
public sealed partial class SignInAnswersTests
{
    /// <summary>The real application, whose real password hasher counts the hashes it checks.</summary>
    private sealed class CountingApp : FailingWellApp
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<StaffAccount>>(provider =>
                new CountingHasher(this, new PasswordHasher<StaffAccount>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()))));
        }

        private sealed class CountingHasher(CountingApp app, PasswordHasher<StaffAccount> real) : IPasswordHasher<StaffAccount>
        {
            public string HashPassword(StaffAccount user, string password) => real.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(StaffAccount user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref app._verifications);
                return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex TokenPattern();

    private sealed record Answer(HttpStatusCode Status, string Page, string? Error, int Hashes);

    private static async Task<Answer> SignInAsync(CountingApp app, string email, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var before = app.Verifications;
        var response = await Staff.PostSignInAsync(client, email, password);
        var hashes = app.Verifications - before;
        var html = await response.Content.ReadAsStringAsync();
        var error = Regex.Match(html, "<span class=\"nhsuk-error-message\" id=\"Input_Email-error\">(.*?)</span>\\s*<input", RegexOptions.Singleline);
        // What differs between any two posts of the form: its token and the address typed.
        var page = TokenPattern().Replace(html, "TOKEN").Replace(WebUtility.HtmlEncode(email), "EMAIL", StringComparison.Ordinal);
        return new Answer(response.StatusCode, page, error.Success ? error.Groups[1].Value : null, hashes);
    }

    [Fact]
    public async Task Unknown_wrong_password_locked_and_disabled_accounts_get_the_same_page_and_each_costs_one_password_hash()
    {
        using var app = new CountingApp();
        var known = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var locked = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var disabled = await Staff.CreateAsync(app, StaffRoles.Executive);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await SignInAsync(app, locked.Email, "not the password at all");
        }

        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(locked.Id))!));
            var account = (await users.FindByIdAsync(disabled.Id))!;
            account.IsDisabled = true;
            Assert.True((await users.UpdateAsync(account)).Succeeded);
        }

        var answers = new Dictionary<string, Answer>
        {
            ["unknown"] = await SignInAsync(app, "nobody-" + Guid.NewGuid().ToString("N")[..8] + "@trust.nhs.uk", Staff.Password),
            ["wrong password"] = await SignInAsync(app, known.Email, "not the password at all"),
            ["locked, right password"] = await SignInAsync(app, locked.Email, Staff.Password),
            ["disabled, right password"] = await SignInAsync(app, disabled.Email, Staff.Password),
        };

        var wrong = answers["wrong password"];
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains(PasswordSignIn.FailedMessage, wrong.Error, StringComparison.Ordinal);
        foreach (var (what, answer) in answers)
        {
            Assert.True(answer.Status == wrong.Status, what);
            Assert.True(answer.Error == wrong.Error, $"{what}: {answer.Error}");
            Assert.True(answer.Page == wrong.Page, $"{what}: the page differs from a wrong password's");
            // Identity hashes only for a known, unlocked account: the others hash against a dummy.
            Assert.True(answer.Hashes == 1, $"{what}: {answer.Hashes} password hashes checked");
        }

        Assert.DoesNotContain("locked", wrong.Page.Replace(PasswordSignIn.FailedMessage, "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }
}
