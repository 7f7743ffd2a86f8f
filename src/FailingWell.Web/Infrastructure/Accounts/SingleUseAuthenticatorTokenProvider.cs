using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Infrastructure.Accounts;

/// <summary>
/// Authenticator app codes (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, one step of clock
/// drift either way), each accepted once: the step a code belongs to must be later than the last
/// step this account used, so a code seen over a shoulder cannot be replayed.
/// </summary>
/// <remarks>
/// The step is claimed by one conditional UPDATE (<c>WHERE LastAuthenticatorStep IS NULL OR &lt; step</c>)
/// whose row count decides: of two requests with one code at the same moment, only the one that
/// changed the row succeeds, whatever each read before.
/// </remarks>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock, FailingWellDbContext db) : IUserTwoFactorTokenProvider<StaffAccount>
{
    public const string ProviderName = "FailingWellAuthenticator";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffAccount> manager, StaffAccount user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));
    }

    // The app generates codes; the server never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<StaffAccount> manager, StaffAccount user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffAccount> manager, StaffAccount user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = (token ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var secret = Base32.Decode(key);
        var now = CurrentStep(clock.GetUtcNow());
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step > (user.LastAuthenticatorStep ?? long.MinValue)
                && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(secret, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return await ClaimStepAsync(user, step);
            }
        }

        return false;
    }

    private async Task<bool> ClaimStepAsync(StaffAccount user, long step)
    {
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < step))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastAuthenticatorStep, step));
        if (claimed != 1)
        {
            return false;
        }

        // The row is written. The tracked account says so too, unchanged as far as EF knows, so a
        // later save of it (the sign-in time) cannot write this step back over a newer one.
        user.LastAuthenticatorStep = step;
        var entry = db.Entry(user);
        if (entry.State != EntityState.Detached)
        {
            entry.Property(u => u.LastAuthenticatorStep).OriginalValue = step;
            entry.Property(u => u.LastAuthenticatorStep).IsModified = false;
        }

        return true;
    }

    public static long CurrentStep(DateTimeOffset now) => now.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    /// <summary>The six-digit code for a step (exposed for tests, which play the authenticator app).</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; HMAC keeps it sound.
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>RFC 4648 base 32, as authenticator keys are written.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = text.TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("Not base 32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
