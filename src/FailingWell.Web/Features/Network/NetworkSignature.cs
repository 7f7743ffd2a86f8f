using System.Security.Cryptography;
using System.Text;

namespace FailingWell.Web.Features.Network;

/// <summary>
/// How a member signs its requests to the hub, and how the hub checks them (decision 0072): an
/// HMAC-SHA256 over "timestamp\nmessageId\nMETHOD\npath-and-query\nbody", keyed by the SHA-256 of the
/// member's key, so the hub keeps only that hash. A request more than five minutes off is refused.
/// </summary>
public static class NetworkSignature
{
    public const string MemberHeader = "X-Network-Member";
    public const string TimestampHeader = "X-Network-Timestamp";
    public const string MessageHeader = "X-Network-Message";
    public const string SignatureHeader = "X-Network-Signature";

    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    /// <summary>32 random bytes, base64url: shown once to the coordinator, who gives it to the member.</summary>
    public static string NewKey() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>What the hub keeps of a key: its SHA-256, base64.</summary>
    public static string HashOf(string key) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Sign(string keyHash, long timestamp, Guid messageId, string method, string pathAndQuery, string body)
    {
        var canonical = $"{timestamp}\n{messageId:D}\n{method.ToUpperInvariant()}\n{pathAndQuery}\n{body}";
        return Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(keyHash), Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Adds the four headers to a request whose body is <paramref name="body"/>.</summary>
    public static void Apply(HttpRequestMessage request, int memberId, string key, Guid messageId, DateTimeOffset now, string body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timestamp = now.ToUnixTimeSeconds();
        var uri = request.RequestUri!;
        request.Headers.Add(MemberHeader, memberId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(MessageHeader, messageId.ToString("D"));
        request.Headers.Add(SignatureHeader, Sign(HashOf(key), timestamp, messageId, request.Method.Method, uri.PathAndQuery, body));
    }

    /// <summary>True when the signature is right for this key hash and the time is within five minutes. Constant-time.</summary>
    public static bool Verify(string keyHash, string? timestamp, Guid messageId, string method, string pathAndQuery, string body, string? signature, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > MaxSkew.TotalSeconds
            || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Convert.FromBase64String(Sign(keyHash, seconds, messageId, method, pathAndQuery, body));
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
