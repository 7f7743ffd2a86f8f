using FailingWell.Web.Features.Network;

namespace FailingWell.Tests.Network;

public sealed class NetworkSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_key_is_32_random_bytes_in_base64url_and_the_hub_keeps_its_sha256()
    {
        var key = NetworkSignature.NewKey();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", key);
        Assert.NotEqual(key, NetworkSignature.NewKey());
        Assert.Equal(32, Convert.FromBase64String(NetworkSignature.HashOf(key)).Length);
    }

    [Fact]
    public void A_signature_checks_with_the_key_hash_and_fails_for_any_change()
    {
        var hash = NetworkSignature.HashOf(NetworkSignature.NewKey());
        var id = Guid.NewGuid();
        var t = Now.ToUnixTimeSeconds();
        var signature = NetworkSignature.Sign(hash, t, id, "POST", "/network/api/messages", "{}");
        var stamp = t.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(NetworkSignature.Verify(hash, stamp, id, "POST", "/network/api/messages", "{}", signature, Now));
        Assert.True(NetworkSignature.Verify(hash, stamp, id, "POST", "/network/api/messages", "{}", signature, Now.AddMinutes(5)));
        Assert.False(NetworkSignature.Verify(hash, stamp, id, "POST", "/network/api/messages", "{}", signature, Now.AddMinutes(5).AddSeconds(1)));
        Assert.False(NetworkSignature.Verify(hash, stamp, id, "POST", "/network/api/messages", "{ }", signature, Now));
        Assert.False(NetworkSignature.Verify(hash, stamp, Guid.NewGuid(), "POST", "/network/api/messages", "{}", signature, Now));
        Assert.False(NetworkSignature.Verify(hash, stamp, id, "GET", "/network/api/messages", "{}", signature, Now));
        Assert.False(NetworkSignature.Verify(hash, stamp, id, "POST", "/network/api/notes", "{}", signature, Now));
        Assert.False(NetworkSignature.Verify(NetworkSignature.HashOf("another key"), stamp, id, "POST", "/network/api/messages", "{}", signature, Now));
        Assert.False(NetworkSignature.Verify(hash, stamp, id, "POST", "/network/api/messages", "{}", "not base64!", Now));
        Assert.False(NetworkSignature.Verify(hash, "soon", id, "POST", "/network/api/messages", "{}", signature, Now));
    }

    [Theory]
    [InlineData("https://hub.example.nhs.uk/", true)]
    [InlineData("http://127.0.0.1:5080/", true)]
    [InlineData("http://localhost:5080/", true)]
    [InlineData("http://hub.example.nhs.uk/", false)]
    [InlineData("ftp://hub.example.nhs.uk/", false)]
    public void A_hub_is_reached_over_https_or_plain_http_only_on_loopback(string url, bool allowed)
    {
        Assert.Equal(allowed, NetworkSettings.IsAllowedHubUrl(new Uri(url)));
    }
}
