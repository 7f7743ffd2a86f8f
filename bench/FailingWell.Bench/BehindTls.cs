using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

/// <summary>
/// What running the site in Production needs from the benchmark: a certificate for the key ring
/// (docs/decisions/0055), and clients that keep cookies as a browser does at the TLS terminator in
/// front of the site, since Production's cookies are all Secure and the benchmark talks plain http to
/// the node, as nginx does.
/// </summary>
internal static class BehindTls
{
    private const string Password = "a benchmark key ring certificate";

    private static readonly Lazy<string> Certificate = new(() =>
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=FailingWell benchmark key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var file = Path.Combine(Directory.CreateTempSubdirectory("failingwell-bench-keyring-").FullName, "keyring.pfx");
        File.WriteAllBytes(file, certificate.Export(X509ContentType.Pfx, Password));
        return file;
    });

    /// <summary>Gives a Production process of the site its key ring certificate.</summary>
    public static void AddKeyRingCertificate(ProcessStartInfo start)
    {
        start.Environment["DataProtection__Certificate__Path"] = Certificate.Value;
        start.Environment["DataProtection__Certificate__Password"] = Password;
    }

    /// <summary>A client whose cookies are kept as at the https front; redirects followed or not, as a plain handler's would be.</summary>
    public static HttpClient Client(Uri baseAddress, bool allowAutoRedirect = true) =>
        new(new FrontCookies(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = allowAutoRedirect })) { BaseAddress = baseAddress };

    private sealed class FrontCookies(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly CookieContainer _cookies = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var front = new UriBuilder(request.RequestUri!) { Scheme = Uri.UriSchemeHttps, Port = request.RequestUri!.Port }.Uri;
            var header = _cookies.GetCookieHeader(front);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    _cookies.SetCookies(front, cookie);
                }
            }

            return response;
        }
    }
}
