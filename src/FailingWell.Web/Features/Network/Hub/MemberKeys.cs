using Microsoft.AspNetCore.DataProtection;

namespace FailingWell.Web.Features.Network.Hub;

/// <summary>
/// Hub side: what is kept of a member's key. The SHA-256 of the key is what signs its requests
/// (decision 0072), so it is kept only encrypted with the key ring (decision 0096): a read of the
/// hub's database alone cannot sign as a member. A value kept in the clear by an earlier version
/// (base64 of 32 bytes) is still read, and re-protected when it is first used.
/// </summary>
public sealed class MemberKeys(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("FailingWell.Network.MemberKey.v1");

    private readonly Lazy<string> _madeUp = new(() => provider.CreateProtector("FailingWell.Network.MemberKey.v1").Protect(NetworkSignature.HashOf(NetworkSignature.NewKey())));

    /// <summary>A made-up stored value, read for an unknown member too, so both take the same time.</summary>
    public string MadeUp => _madeUp.Value;

    /// <summary>What the hub stores for a newly issued key.</summary>
    public string Protect(string key) => ProtectHash(NetworkSignature.HashOf(key));

    public string ProtectHash(string keyHash) => _protector.Protect(keyHash);

    /// <summary>The signing key hash in a stored value, and whether it was kept in the clear; null when it cannot be read.</summary>
    public (string? KeyHash, bool InClear) Read(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (IsClearHash(stored))
        {
            return (stored, true);
        }

        try
        {
            return (_protector.Unprotect(stored), false);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A value from another key ring (or damaged): the member is refused, as with a wrong key.
            return (null, false);
        }
    }

    /// <summary>A protected value is base64url and far longer; a hash in the clear is 44 characters of base64 for 32 bytes.</summary>
    private static bool IsClearHash(string stored)
    {
        Span<byte> bytes = stackalloc byte[33];
        return stored.Length == 44 && Convert.TryFromBase64String(stored, bytes, out var written) && written == 32;
    }
}
