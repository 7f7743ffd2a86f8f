using System.Security.Cryptography;
using System.Text;

namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// The receipt code a reporter keeps to come back: 24 characters in six groups of four, from
/// Crockford's base 32 (no I, L, O or U, so it reads aloud and copies without mistakes). The first
/// 8 characters (40 bits) find the report and are stored as they are; the other 16 (80 bits) are the
/// secret, stored only as an HMAC-SHA256 keyed with a salt of its own. 80 random bits cannot be
/// guessed, so one fast hash is enough (docs/decisions/0049): the verifier is made on the request and
/// committed with the report.
/// </summary>
public static class ReceiptCodes
{
    public const int LocatorLength = 8;
    public const int SecretLength = 16;
    public const int CodeLength = LocatorLength + SecretLength;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    // Checked against when no report has the locator, so a wrong code costs what a right one does.
    private static readonly byte[] DecoySalt = RandomNumberGenerator.GetBytes(SaltBytes);
    private static readonly byte[] DecoyHash = RandomNumberGenerator.GetBytes(HashBytes);

    public sealed record Issued(string Code, string Locator, byte[] Salt, byte[] Hash);

    public static Issued Issue()
    {
        var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        var salt = NewSalt();
        return new Issued(Format(code), code[..LocatorLength], salt, Hash(code[LocatorLength..], salt));
    }

    /// <summary>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX, for reading and writing down.</summary>
    public static string Format(string normalised) =>
        string.Join('-', Enumerable.Range(0, normalised.Length / 4).Select(i => normalised.Substring(i * 4, 4)));

    /// <summary>
    /// What the reporter typed, made canonical: case, spaces and dashes do not matter, and the
    /// letters people mistake for digits (I, L, O) are read as the digits. Null if it cannot be a code.
    /// </summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var builder = new StringBuilder(CodeLength);
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            var mapped = c switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                _ => c,
            };
            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(mapped);
        }

        return builder.Length == CodeLength ? builder.ToString() : null;
    }

    public static string LocatorOf(string normalised) => normalised[..LocatorLength];

    public static string SecretOf(string normalised) => normalised[LocatorLength..];

    /// <summary>Checks the secret half against a stored hash, or against a decoy when there is none.</summary>
    public static bool Matches(string normalised, byte[]? salt, byte[]? hash)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        var computed = Hash(normalised[LocatorLength..], salt ?? DecoySalt);
        return CryptographicOperations.FixedTimeEquals(computed, hash ?? DecoyHash) && hash is not null;
    }

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltBytes);

    /// <summary>Codes issued before 0049 were stored as PBKDF2-SHA256 (600,000 iterations): checked once, then replaced.</summary>
    public static bool MatchesLegacy(string normalised, byte[] salt, byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        var computed = Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(normalised[LocatorLength..]), salt, LegacyIterations, HashAlgorithmName.SHA256, HashBytes);
        return hash is { Length: HashBytes } && CryptographicOperations.FixedTimeEquals(computed, hash);
    }

    // A quarter of a core-second each: one at a time on a node, so guesses at old codes can never take
    // more than one core, whatever the number of clients (docs/decisions/0089).
    private static readonly SemaphoreSlim LegacyGate = new(1, 1);
    private static int legacyRunning;
    private static int legacyMostAtOnce;

    /// <summary>The most legacy checks that ever ran at once in this process (never more than one).</summary>
    internal static int LegacyChecksMostAtOnce => Volatile.Read(ref legacyMostAtOnce);

    /// <summary><see cref="MatchesLegacy"/>, waiting its turn behind any other legacy check on this node.</summary>
    public static async Task<bool> MatchesLegacyInTurnAsync(string normalised, byte[] salt, byte[] hash, CancellationToken cancellationToken)
    {
        await LegacyGate.WaitAsync(cancellationToken);
        try
        {
            var running = Interlocked.Increment(ref legacyRunning);
            int most;
            while (running > (most = Volatile.Read(ref legacyMostAtOnce)) && Interlocked.CompareExchange(ref legacyMostAtOnce, running, most) != most)
            {
            }

            return MatchesLegacy(normalised, salt, hash);
        }
        finally
        {
            Interlocked.Decrement(ref legacyRunning);
            LegacyGate.Release();
        }
    }

    private const int LegacyIterations = 600_000;

    /// <summary>The verifier of a secret half: HMAC-SHA256 keyed with the code's own salt (a microsecond).</summary>
    public static byte[] Hash(string secret, byte[] salt) =>
        HMACSHA256.HashData(salt, Encoding.ASCII.GetBytes(secret));
}
