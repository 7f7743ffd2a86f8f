using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace FailingWell.Tests.Support;

/// <summary>
/// A browser going through an organisation sign-in over HTTP: FailingWell (the test host) sends it to
/// the provider (a real one on loopback), whose answer is a form the browser posts back to
/// /signin-oidc. Each site keeps its own cookies, as a browser's would.
/// </summary>
public sealed partial class OrganisationBrowser : IDisposable
{
    private readonly HttpClient _provider;

    public OrganisationBrowser(FailingWellApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Site = app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(new CookieContainer()));
        _provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
    }

    /// <summary>The browser at FailingWell, keeping its cookies (the session once signed in).</summary>
    public HttpClient Site { get; }

    /// <summary>The form the provider's answer posted to /signin-oidc, kept to post again.</summary>
    public IReadOnlyDictionary<string, string>? Callback { get; private set; }

    /// <summary>
    /// Presses "Sign in with…" and follows every step to where FailingWell leaves the browser: the
    /// address it is sent to last (a problem page, the code page, the landing page...).
    /// </summary>
    public async Task<string> SignInAsync(string returnUrl = "")
    {
        var start = await Site.GetAsync(new Uri("/account/sign-in/organisation" + (returnUrl.Length > 0 ? "?returnUrl=" + Uri.EscapeDataString(returnUrl) : ""), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var location = start.Headers.Location!;
        if (!location.IsAbsoluteUri)
        {
            return location.OriginalString;
        }

        var atProvider = await _provider.GetAsync(location);
        var page = await atProvider.Content.ReadAsStringAsync();
        if (atProvider.StatusCode == HttpStatusCode.Redirect)
        {
            // response_mode=query answers (an error the provider sends back by redirect).
            return await FollowAsync(await Site.GetAsync(new Uri(atProvider.Headers.Location!.PathAndQuery, UriKind.Relative)));
        }

        var action = FormAction().Match(page);
        Assert.True(action.Success, $"The provider answered {(int)atProvider.StatusCode} with no form: {page}");
        Callback = FormInputs().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        return await PostCallbackAsync(Callback);
    }

    /// <summary>Posts a form to /signin-oidc as the provider's answer page would, and follows on.</summary>
    public async Task<string> PostCallbackAsync(IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await FollowAsync(await Site.PostAsync(new Uri("/signin-oidc", UriKind.Relative), content));
    }

    private async Task<string> FollowAsync(HttpResponseMessage response)
    {
        var last = response.RequestMessage!.RequestUri!.PathAndQuery;
        for (var hop = 0; hop < 10 && response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther; hop++)
        {
            var next = response.Headers.Location!;
            last = next.IsAbsoluteUri ? next.ToString() : next.OriginalString;
            // Stop at a page outside the sign-in's own steps: the landing page or the code page is the answer.
            if (next.IsAbsoluteUri || !last.StartsWith("/account/sign-in/organisation/finish", StringComparison.Ordinal))
            {
                return last;
            }

            response = await Site.GetAsync(new Uri(last, UriKind.Relative));
        }

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{last} answered {(int)response.StatusCode}");
        return last;
    }

    public void Dispose()
    {
        Site.Dispose();
        _provider.Dispose();
    }

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormInputs();
}
