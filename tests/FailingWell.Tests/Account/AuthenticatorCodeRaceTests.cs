using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FailingWell.Tests.Account;

/// <summary>ASVS level 2: an authenticator code is used once, even by two sign-ins at the same moment.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed partial class AuthenticatorCodeRaceTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    private const int Tries = 15;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>A browser at the code step, its form filled in and ready to send.</summary>
    private async Task<(HttpClient Client, Dictionary<string, string> Form)> AtTheCodeStepAsync(Staff.Account account, string code)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var password = await Staff.PostSignInAsync(client, account.Email);
        Assert.StartsWith("/account/sign-in/code", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri("/account/sign-in/code", UriKind.Relative));
        return (client, new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value),
        });
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri("/account/sign-in/code", UriKind.Relative), content);
    }

    [Fact]
    public async Task Two_sign_ins_sending_one_code_at_the_same_moment_let_exactly_one_in_every_time()
    {
        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            // A fresh account each try: no earlier failure counts towards its lockout.
            var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
            var code = Staff.CodeFor(lead);
            var first = await AtTheCodeStepAsync(lead, code);
            var second = await AtTheCodeStepAsync(lead, code);

            using var start = new ManualResetEventSlim();
            var sends = new[] { first, second }
                .Select(browser => Task.Run(async () =>
                {
                    start.Wait();
                    return await SendAsync(browser.Client, browser.Form);
                }))
                .ToArray();
            start.Set();
            var responses = await Task.WhenAll(sends);

            var signedIn = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect);
            Assert.True(signedIn == 1, $"try {attempt}: {signedIn} of 2 sign-ins with one code got in");
            var refused = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Redirect);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("has been used already", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
