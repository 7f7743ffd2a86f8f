using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FailingWell.Tests.Support;

/// <summary>
/// A certificate authority of a test's own, as a trust's internal CA would be: its certificate as a
/// PEM file for <c>Email:Smtp:CertificateAuthorityPath</c>, server certificates it issues (PEM files
/// for aiosmtpd), and a revocation list served over HTTP on loopback (python3 -m http.server) at the
/// address written into every certificate it issues, so revocation is really checked.
/// </summary>
public sealed class TestCertificateAuthority : IAsyncDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly Process _crlServer;
    private readonly List<byte[]> _revoked = [];
    private readonly string _crlUrl;
    private long _crlNumber;

    private TestCertificateAuthority(string folder, X509Certificate2 certificate, Process crlServer, string crlUrl)
    {
        Folder = folder;
        _certificate = certificate;
        _crlServer = crlServer;
        _crlUrl = crlUrl;
        CertificatePath = Path.Combine(folder, "ca.pem");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        PublishRevocationList();
    }

    public string Folder { get; }

    /// <summary>The CA's certificate (PEM), what an operator would name in the settings.</summary>
    public string CertificatePath { get; }

    public static async Task<TestCertificateAuthority> CreateAsync()
    {
        var folder = Directory.CreateTempSubdirectory("failingwell-ca-").FullName;
        using var key = RSA.Create(2048);
        // A name of its own: the platform caches revocation lists by issuer.
        var request = new CertificateRequest($"CN=FailingWell test CA {Guid.NewGuid():N}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        var port = SmtpServer.FreePort();
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "http.server", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--directory", folder },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var server = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        await WaitForListenerAsync(server, port);
        return new TestCertificateAuthority(folder, certificate, server, $"http://127.0.0.1:{port}/ca.crl");
    }

    /// <summary>A server certificate for the names given, as PEM certificate and key files.</summary>
    public (string CertificatePath, string KeyPath, byte[] Serial) Issue(string dnsName, params IPAddress[] addresses)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        request.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([_crlUrl]));
        var serial = RandomNumberGenerator.GetBytes(16);
        // A positive DER integer with no redundant leading byte: high bit clear, first byte never zero
        // (a zero first byte, one issue in 256, made the revocation list refuse the serial).
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        using var certificate = request.Create(_certificate, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddMonths(6), serial);
        var name = Guid.NewGuid().ToString("N");
        var certificatePath = Path.Combine(Folder, name + ".crt");
        var keyPath = Path.Combine(Folder, name + ".key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath, serial);
    }

    /// <summary>Revokes a certificate this CA issued and publishes the new list.</summary>
    public void Revoke(byte[] serial)
    {
        _revoked.Add(serial);
        PublishRevocationList();
    }

    private void PublishRevocationList()
    {
        var list = new CertificateRevocationListBuilder();
        foreach (var serial in _revoked)
        {
            list.AddEntry(serial, DateTimeOffset.UtcNow.AddMinutes(-1), X509RevocationReason.KeyCompromise);
        }

        var bytes = list.Build(_certificate, ++_crlNumber, DateTimeOffset.UtcNow.AddDays(1), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var partial = Path.Combine(Folder, "ca.crl.tmp");
        File.WriteAllBytes(partial, bytes);
        File.Move(partial, Path.Combine(Folder, "ca.crl"), overwrite: true);
    }

    internal static async Task WaitForListenerAsync(Process process, int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("python3 exited: " + await process.StandardError.ReadToEndAsync());
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"nothing listened on port {port} within 15 seconds");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_crlServer.HasExited)
        {
            _crlServer.Kill(entireProcessTree: true);
            await _crlServer.WaitForExitAsync();
        }

        _crlServer.Dispose();
        _certificate.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
