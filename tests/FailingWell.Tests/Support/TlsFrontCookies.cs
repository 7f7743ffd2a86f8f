namespace FailingWell.Tests.Support;

/// <summary>
/// Keeps cookies as a browser does that talks https to the TLS terminator in front of the site, while
/// the requests reach the site itself over plain http, as behind nginx: Production's cookies are all
/// Secure, which a cookie container would never send to an http address.
/// </summary>
public sealed class TlsFrontCookies : DelegatingHandler
{
    /// <summary>Over a real socket, redirects not followed (as <see cref="SiteProcess.Browser"/> always did).</summary>
    public static TlsFrontCookies OverSocket() => new() { InnerHandler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false } };

    /// <summary>One browser's cookies; two handlers given the same container are one browser talking to two nodes.</summary>
    public TlsFrontCookies(CookieContainer? cookies = null) => Cookies = cookies ?? new();

    public CookieContainer Cookies { get; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var front = new UriBuilder(request.RequestUri!) { Scheme = Uri.UriSchemeHttps, Port = request.RequestUri!.Port }.Uri;
        var header = Cookies.GetCookieHeader(front);
        if (header.Length > 0)
        {
            request.Headers.Remove("Cookie");
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                Cookies.SetCookies(front, cookie);
            }
        }

        return response;
    }
}
