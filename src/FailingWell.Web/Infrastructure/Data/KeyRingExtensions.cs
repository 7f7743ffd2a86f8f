using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace FailingWell.Web.Infrastructure.Data;

/// <summary>
/// The key ring is shared through the database by the framework's own store (<c>PersistKeysToDbContext</c>,
/// docs/decisions/0106), on the table the earlier hand-written store used, so a token or cookie
/// protected on one node is read by any other. A backup of the database would otherwise hold every
/// key in clear: enough to forge an admin's cookie. In Production each key is encrypted with an X.509
/// certificate from configuration before it is stored, and start-up refuses to go on without one
/// (docs/decisions/0055). Keys encrypted with a retired certificate stay readable while that
/// certificate is listed under <see cref="PreviousCertificatesSetting"/>; start-up refuses a ring
/// with live keys that no listed certificate opens (<see cref="KeyRingReadability"/>, docs/decisions/0110).
/// </summary>
public static class KeyRingExtensions
{
    /// <summary>The key ring's isolation name: unchanged since the first release, or every cookie and session would be unreadable.</summary>
    public const string ApplicationName = "FailingWell";

    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key; relative paths are from the content root.</summary>
    public const string CertificatePathSetting = "DataProtection:Certificate:Path";

    public const string CertificatePasswordSetting = "DataProtection:Certificate:Password";

    /// <summary>Retired certificates, kept only to decrypt keys they encrypted: <c>DataProtection:PreviousCertificates:0:Path</c> and <c>:Password</c>.</summary>
    public const string PreviousCertificatesSetting = "DataProtection:PreviousCertificates";

    public static WebApplicationBuilder AddFailingWellKeyRing(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<FailingWellDbContext>();
        var certificate = CurrentCertificate(builder.Configuration, builder.Environment);
        X509Certificate2[] readers = [];
        if (certificate is not null)
        {
            readers = [certificate, .. PreviousCertificates(builder.Configuration.GetSection(PreviousCertificatesSetting), builder.Environment.ContentRootPath)];
            protection.ProtectKeysWithCertificate(certificate);
            protection.UnprotectKeysWithAnyCertificate(readers);
        }

        // Without a certificate (Development, Testing) keys are stored unencrypted, as before, and the
        // framework warns so once per new key: that warning is true, and is left to say so.
        builder.Services.AddSingleton(new KeyRingReadability(readers));
        return builder;
    }

    /// <summary>The certificate that encrypts new keys; null outside Production when none is set. Production without one is refused.</summary>
    public static X509Certificate2? CurrentCertificate(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var path = configuration[CertificatePathSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (environment.IsProduction())
            {
                throw new InvalidOperationException(
                    $"{CertificatePathSetting} is not set: in Production the Data Protection key ring is stored encrypted, and start-up needs the certificate to encrypt it with. " +
                    $"Set {CertificatePathSetting} to a .pfx file holding a certificate and its private key, and {CertificatePasswordSetting} to its password (deploy/README.md, Rotate keys).");
            }

            return null;
        }

        return Load(path, configuration[CertificatePasswordSetting], environment.ContentRootPath, CertificatePathSetting, CertificatePasswordSetting);
    }

    private static IEnumerable<X509Certificate2> PreviousCertificates(IConfigurationSection section, string contentRoot)
    {
        foreach (var previous in section.GetChildren())
        {
            var path = previous["Path"];
            if (!string.IsNullOrWhiteSpace(path))
            {
                yield return Load(path, previous["Password"], contentRoot, $"{previous.Path}:Path", $"{previous.Path}:Password");
            }
        }
    }

    private static X509Certificate2 Load(string path, string? password, string contentRoot, string pathSetting, string passwordSetting)
    {
        var file = Path.GetFullPath(path, contentRoot);
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"{pathSetting} names {file}, which does not exist: it must be a .pfx file holding the key ring's certificate and its private key.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(file, password);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{pathSetting} ({file}) could not be opened: check {passwordSetting}, and that the file is a .pfx.", e);
        }

        using var rsa = certificate.GetRSAPublicKey();
        if (!certificate.HasPrivateKey || rsa is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{pathSetting} ({file}) must hold an RSA certificate with its private key, to decrypt the keys it encrypts.");
        }

        return certificate;
    }
}
