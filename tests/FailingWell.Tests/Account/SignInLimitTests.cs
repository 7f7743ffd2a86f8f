using System.Text.RegularExpressions;
using FailingWell.Web.Features.Account;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FailingWell.Tests.Account;

/// <summary>
/// Failed sign-ins are limited per client, whichever accounts they name (docs/decisions/0088): lockout of
/// one account is not the only defence against trying many accounts from one place.
/// </summary>
public sealed class SignInLimitTests
{
    private static async Task<(HttpStatusCode Status, string Html)> SignInAsync(FailingWellApp app, string email, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var response = await Staff.PostSignInAsync(client, email, password);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Many_failed_sign_ins_from_one_client_are_refused_with_a_clear_message_that_tells_no_account_apart()
    {
        using var app = new FailingWellApp { ClientAddress = IPAddress.Parse("2001:db8:77:1::10") }
            .With("Accounts:MaxFailedSignInsPerClientPerHour", "5");
        var account = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);

        // Five accounts tried once each (no account reaches its own lockout), from addresses in one /64.
        for (var i = 0; i < 5; i++)
        {
            app.ClientAddress = IPAddress.Parse($"2001:db8:77:1::{i + 10:x}");
            var failed = await SignInAsync(app, $"someone{i}@trust.nhs.uk", "not the password");
            Assert.Equal(HttpStatusCode.OK, failed.Status);
            Assert.Contains(WebUtility.HtmlEncode(PasswordSignIn.FailedMessage), failed.Html, StringComparison.Ordinal);
        }

        // Now even the right password is refused, as is an unknown account, with the same page.
        var known = await SignInAsync(app, account.Email, Staff.Password);
        var unknown = await SignInAsync(app, "nobody@trust.nhs.uk", Staff.Password);
        foreach (var (status, html) in new[] { known, unknown })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, status);
            Assert.Contains(WebUtility.HtmlEncode(SignInModel.TooManyMessage), html, StringComparison.Ordinal);
            Assert.DoesNotContain(WebUtility.HtmlEncode(PasswordSignIn.FailedMessage), html, StringComparison.Ordinal);
        }

        Assert.Equal(Normalised(known.Html, account.Email), Normalised(unknown.Html, "nobody@trust.nhs.uk"));

        // The account itself was not locked by any of it: from elsewhere its owner signs in.
        app.ClientAddress = IPAddress.Parse("198.51.100.20");
        var elsewhere = await SignInAsync(app, account.Email, Staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.Status);
    }

    private static string Normalised(string html, string email) =>
        Regex.Replace(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "TOKEN")
            .Replace(WebUtility.HtmlEncode(email), "EMAIL", StringComparison.Ordinal);
}
