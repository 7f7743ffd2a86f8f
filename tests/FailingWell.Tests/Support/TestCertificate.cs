using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FailingWell.Web.Infrastructure.Data;

namespace FailingWell.Tests.Support;

/// <summary>
/// A self-signed certificate for the key ring, made once per test run as a password-protected .pfx in a
/// temporary folder: what Production needs to start (docs/decisions/0055).
/// </summary>
public static class TestCertificate
{
    public const string Password = "a test key ring certificate";

    private static readonly Lazy<string> Shared = new(() => Create("FailingWell tests key ring"));

    /// <summary>The one certificate every Production app and site process of this run uses.</summary>
    public static string Path => Shared.Value;

    /// <summary>The settings that give the key ring its certificate (the shared one unless another is named).</summary>
    public static IReadOnlyDictionary<string, string> Settings(string? path = null) => new Dictionary<string, string>
    {
        [KeyRingExtensions.CertificatePathSetting] = path ?? Path,
        [KeyRingExtensions.CertificatePasswordSetting] = Password,
    };

    /// <summary>A new certificate of its own, for a test that needs two.</summary>
    public static string Create(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var file = System.IO.Path.Combine(Directory.CreateTempSubdirectory("failingwell-keyring-").FullName, "keyring.pfx");
        File.WriteAllBytes(file, certificate.Export(X509ContentType.Pfx, Password));
        return file;
    }

    /// <summary>Sets the certificate's settings on an app before it starts.</summary>
    public static T WithKeyRingCertificate<T>(this T app, string? path = null)
        where T : FailingWellApp
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var (key, value) in Settings(path))
        {
            app.With(key, value);
        }

        return app;
    }
}
