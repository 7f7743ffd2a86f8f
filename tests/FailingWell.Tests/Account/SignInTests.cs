using FailingWell.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FailingWell.Tests.Account;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class SignInTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    private const string Password = Staff.Password;

    private async Task<string> CreateAccountAsync(string role = StaffRoles.GovernanceLead) =>
        (await Staff.CreateAsync(app, role, withTwoFactor: false)).Email;

    private HttpClient Browser() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        Staff.PostSignInAsync(client, email, password);

    [Fact]
    public async Task Correct_password_signs_in_and_records_the_time()
    {
        var email = await CreateAccountAsync();
        var client = Browser();

        var response = await SignInAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("FailingWell.Auth=", StringComparison.Ordinal));
        await using var scope = app.Scope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>().FindByEmailAsync(email);
        Assert.NotNull(account!.LastSignInAtUtc);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = await CreateAccountAsync();
        var client = Browser();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await SignInAsync(client, email, "not the password");
            var html = await wrong.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Enter a correct email address and password", html, StringComparison.Ordinal);
        }

        var fifth = await (await SignInAsync(client, email, "not the password")).Content.ReadAsStringAsync();
        Assert.Contains(PasswordSignIn.FailedMessage, fifth, StringComparison.Ordinal);

        // Locked: the right password is refused, with the answer a wrong one gets (see SignInAnswersTests).
        var right = await SignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains(PasswordSignIn.FailedMessage, await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(right.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith("FailingWell.Auth=", StringComparison.Ordinal)));
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task Empty_form_shows_a_message_beside_each_field_and_keeps_what_was_typed()
    {
        var client = Browser();

        var response = await SignInAsync(client, "kept@trust.nhs.uk", "");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Password-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Enter your password", html, StringComparison.Ordinal);
        Assert.Contains("value=\"kept@trust.nhs.uk\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ValidationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_result_is_reported_by_the_handler_without_the_page()
    {
        var email = await CreateAccountAsync(StaffRoles.Executive);
        await using var scope = app.Scope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext =
            new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };

        var outcome = await mediator.Send(new PasswordSignIn.Command { Email = email, Password = "wrong password" });

        Assert.Equal(PasswordSignIn.Outcome.Failed, outcome);
    }

    [Fact]
    public async Task There_is_no_self_registration()
    {
        var client = Browser();

        foreach (var path in new[] { "/account/register", "/Identity/Account/Register" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
