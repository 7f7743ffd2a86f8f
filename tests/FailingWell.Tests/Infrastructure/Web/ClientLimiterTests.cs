using FailingWell.Web.Infrastructure.Web;

namespace FailingWell.Tests.Infrastructure.Web;

/// <summary>
/// The limiter behind the receipt-code, report and sign-in limits (docs/decisions/0088): an IPv6 client
/// is its /64, and the table it counts in has a ceiling.
/// </summary>
public sealed class ClientLimiterTests
{
    private const string WrongCode = "0000-0000-0000-0000-0000-0000";

    private static int CountsHeld(FailingWellApp app)
    {
        // The table itself, not the limiter's own count of it: the ceiling must hold for what is in memory.
        var limiter = app.Services.GetRequiredService<ClientLimiter>();
        var counters = typeof(ClientLimiter).GetField("_counters", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(limiter)!;
        return (int)counters.GetType().GetProperty("Count")!.GetValue(counters)!;
    }

    [Fact]
    public async Task Rotating_addresses_inside_one_IPv6_64_are_limited_as_one_client()
    {
        using var app = new FailingWellApp().With("Reporting:MaxWrongCodesPerHour", "3");
        var client = app.CreateClient();

        // A phone or a home gets a whole /64: a script can take a new address in it for every try.
        foreach (var address in new[] { "2001:db8:5:6::1", "2001:db8:5:6:a1b2:c3d4:e5f6:1", "2001:db8:5:6:ffff:ffff:ffff:fffe" })
        {
            app.ClientAddress = IPAddress.Parse(address);
            Assert.Equal(HttpStatusCode.OK, (await FollowUps.OpenAsync(client, WrongCode)).Response.StatusCode);
        }

        app.ClientAddress = IPAddress.Parse("2001:db8:5:6:1234:5678:9abc:def0");
        var fourth = await FollowUps.OpenAsync(client, WrongCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Response.StatusCode);
        Assert.Contains("You have tried too many times", fourth.Html, StringComparison.Ordinal);

        // The next /64 is someone else.
        app.ClientAddress = IPAddress.Parse("2001:db8:5:7::1");
        Assert.Equal(HttpStatusCode.OK, (await FollowUps.OpenAsync(client, WrongCode)).Response.StatusCode);
    }

    [Fact]
    public async Task An_IPv4_address_written_as_IPv6_is_the_same_client_as_the_IPv4_address()
    {
        using var app = new FailingWellApp().With("Reporting:MaxWrongCodesPerHour", "2");
        var client = app.CreateClient();

        app.ClientAddress = IPAddress.Parse("198.51.100.9");
        await FollowUps.OpenAsync(client, WrongCode);
        app.ClientAddress = IPAddress.Parse("::ffff:198.51.100.9");
        await FollowUps.OpenAsync(client, WrongCode);

        app.ClientAddress = IPAddress.Parse("198.51.100.9");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await FollowUps.OpenAsync(client, WrongCode)).Response.StatusCode);
    }

    [Fact]
    public async Task The_table_never_holds_more_than_its_ceiling_and_a_client_counted_before_it_filled_stays_limited()
    {
        using var app = new FailingWellApp()
            .With("ClientLimiter:MaxEntries", "20")
            .With("Reporting:MaxWrongCodesPerHour", "2");
        var client = app.CreateClient();
        app.ClientAddress = IPAddress.Parse("203.0.113.5");
        await FollowUps.OpenAsync(client, WrongCode);
        await FollowUps.OpenAsync(client, WrongCode);

        // 100 clients in 100 networks, each one wrong code (two counts: the attempt and the wrong code).
        for (var i = 0; i < 100; i++)
        {
            app.ClientAddress = IPAddress.Parse($"10.{i}.0.1");
            Assert.Equal(HttpStatusCode.OK, (await FollowUps.OpenAsync(client, WrongCode)).Response.StatusCode);
            Assert.InRange(CountsHeld(app), 1, 20);
        }

        app.ClientAddress = IPAddress.Parse("203.0.113.5");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await FollowUps.OpenAsync(client, WrongCode)).Response.StatusCode);
    }

    [Fact]
    public async Task Once_the_table_is_full_a_new_client_is_counted_under_its_network()
    {
        using var app = new FailingWellApp()
            .With("ClientLimiter:MaxEntries", "40")
            .With("Reporting:MaxWrongCodesPerHour", "3");
        var client = app.CreateClient();

        // 18 clients of two counts each fill the nine tenths kept for clients.
        for (var i = 0; i < 18; i++)
        {
            app.ClientAddress = IPAddress.Parse($"10.{i}.0.1");
            await FollowUps.OpenAsync(client, WrongCode);
        }

        // Rotating inside a /24 (or an IPv6 /48) cannot hide in a full table.
        for (var i = 1; i <= 3; i++)
        {
            app.ClientAddress = IPAddress.Parse($"192.0.2.{i}");
            Assert.Equal(HttpStatusCode.OK, (await FollowUps.OpenAsync(client, WrongCode)).Response.StatusCode);
        }

        app.ClientAddress = IPAddress.Parse("192.0.2.200");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await FollowUps.OpenAsync(client, WrongCode)).Response.StatusCode);
    }
}
