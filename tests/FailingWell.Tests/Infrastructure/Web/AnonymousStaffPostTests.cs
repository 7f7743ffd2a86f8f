using System.Net.Sockets;
using System.Text;

namespace FailingWell.Tests.Infrastructure.Web;

/// <summary>
/// An anonymous post to a staff page is refused before its body is read (docs/decisions/0087): over a
/// real socket to the site as its own process, the answer comes while most of the body is still unsent.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
[Trait(TestKind.Trait, TestKind.RealProcess)]
public sealed class AnonymousStaffPostTests
{
    [Theory]
    [InlineData("/admin")]
    [InlineData("/triage")]
    public async Task An_anonymous_large_post_to_a_staff_page_is_sent_to_sign_in_before_its_body_is_sent(string path)
    {
        using var database = FailingWellApp.OnEmptyDatabase();
        using var site = await SiteProcess.StartAsync(database, new Dictionary<string, string> { ["Database:MigrateOnStart"] = "true" });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, site.Address.Port);
        var stream = tcp.GetStream();

        // Just under the staff limit of 4 MB, announced; only the first 64 KB of it sent.
        const int announced = 4_000_000;
        var head = $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {announced}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(Encoding.ASCII.GetBytes("Import=" + new string('a', 64 * 1024 - 7)));
        await stream.FlushAsync();

        // The answer arrives with 3.9 MB still to come: nothing waited for (or read) the rest. (The
        // wait is only there so that a site that does wait fails the test instead of hanging it.)
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        while (!answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, wait.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No answer to an anonymous post to {path} while its body was still being sent: the site waited to read it.");
                return;
            }

            Assert.True(read > 0, "The connection closed without an answer.");
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var response = answer.ToString();
        Assert.StartsWith("HTTP/1.1 302", response, StringComparison.Ordinal);
        Assert.Matches(@"(?im)^Location: (https?://[^/\r\n]+)?/account/sign-in", response);
    }
}
