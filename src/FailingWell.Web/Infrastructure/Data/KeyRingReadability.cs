using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Infrastructure.Data;

/// <summary>
/// Whether every key the ring still uses can be opened with a configured certificate. When one
/// cannot, the framework quietly passes it over and makes a new key: everyone is signed out, every
/// follow-up session and invitation stops working, and nothing says why. Start-up refuses instead,
/// naming the missing certificate (docs/decisions/0110).
/// </summary>
public sealed class KeyRingReadability(IReadOnlyCollection<X509Certificate2> certificates)
{
    /// <summary>
    /// How long after its expiry a key still opens what it protected: a key protects until it expires,
    /// and the longest-lived payload is an invitation (72 hours by default); a week covers it.
    /// </summary>
    public static readonly TimeSpan NeededAfterExpiry = TimeSpan.FromDays(7);

    /// <summary>The one line start-up prints before it stops, or null when the ring can be read.</summary>
    public string? Refusal(IEnumerable<XElement> ring, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var elements = ring.ToList();
        var revokedIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var revokedUpTo = DateTimeOffset.MinValue;
        foreach (var revocation in elements.Where(e => e.Name.LocalName == "revocation"))
        {
            var id = revocation.Element("key")?.Attribute("id")?.Value;
            if (id == "*" && Date(revocation.Element("revocationDate")) is { } date)
            {
                revokedUpTo = date > revokedUpTo ? date : revokedUpTo;
            }
            else if (id is not null)
            {
                revokedIds.Add(id);
            }
        }

        var readable = certificates.Select(c => c.Thumbprint).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = new SortedDictionary<string, (string Subject, int Keys)>(StringComparer.Ordinal);
        foreach (var key in elements.Where(e => e.Name.LocalName == "key"))
        {
            // A key long expired opens nothing still alive; a revoked one opens nothing at all.
            if (Date(key.Element("expirationDate")) is not { } expires || expires + NeededAfterExpiry <= now
                || revokedIds.Contains(key.Attribute("id")?.Value ?? "")
                || Date(key.Element("creationDate")) is not { } created || created <= revokedUpTo)
            {
                continue;
            }

            foreach (var embedded in key.Descendants().Where(e => e.Name.LocalName == "X509Certificate"))
            {
                using var certificate = Certificate(embedded.Value);
                if (certificate is not null && !readable.Contains(certificate.Thumbprint))
                {
                    var seen = missing.GetValueOrDefault(certificate.Thumbprint, (Subject: certificate.Subject, Keys: 0));
                    missing[certificate.Thumbprint] = (seen.Subject, seen.Keys + 1);
                }
            }
        }

        if (missing.Count == 0)
        {
            return null;
        }

        var named = string.Join(" and ", missing.Select(m => $"{m.Key} ({m.Value.Subject}, {m.Value.Keys} live {(m.Value.Keys == 1 ? "key" : "keys")})"));
        return $"Refusing to start: the Data Protection key ring holds keys encrypted with certificate {named}, which is neither {KeyRingExtensions.CertificatePathSetting} nor listed under {KeyRingExtensions.PreviousCertificatesSetting}; " +
            $"list it again as {KeyRingExtensions.PreviousCertificatesSetting}:N:Path, or delete those rows of DataProtectionKeys to sign everyone out (deploy/README.md, Rotate keys).";
    }

    /// <summary>Reads the ring from its store and judges it, as start-up does.</summary>
    public static string? Refusal(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var store = services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository
            ?? throw new InvalidOperationException("The Data Protection key ring has no store configured.");
        var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        IReadOnlyCollection<XElement> ring;
        try
        {
            ring = store.GetAllElements();
        }
        catch (System.Data.Common.DbException)
        {
            return null; // a database not migrated yet: the readiness check says so, and it holds no keys to lose
        }

        return services.GetRequiredService<KeyRingReadability>().Refusal(ring, now);
    }

    private static DateTimeOffset? Date(XElement? element) =>
        DateTimeOffset.TryParse(element?.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : null;

    private static X509Certificate2? Certificate(string base64)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64.Trim()));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null; // not a certificate this check can name; the framework reports it when it is used
        }
    }
}
