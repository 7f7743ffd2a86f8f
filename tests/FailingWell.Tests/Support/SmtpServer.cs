using System.Diagnostics;
using System.Net.Sockets;

namespace FailingWell.Tests.Support;

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd, storing what it receives in a Maildir.
/// </summary>
public enum SmtpTls
{
    StartTls,
    Implicit,
}

public sealed class SmtpServer : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpServer(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    public static Task<SmtpServer> StartAsync() => StartAsync(FreePort());

    public static async Task<SmtpServer> StartAsync(int port)
    {
        var maildir = Directory.CreateTempSubdirectory("failingwell-smtp-").FullName;
        return await StartAsync(port, maildir, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(maildir, "inbox")]);
    }

    /// <summary>
    /// A relay that speaks TLS with the given certificate: STARTTLS required before MAIL, or TLS from the
    /// first byte; with a user name, AUTH required (aiosmtpd accepts it only over TLS).
    /// </summary>
    public static Task<SmtpServer> StartAsync(SmtpTls tls, string certificatePath, string keyPath, string? userName = null, string? password = null)
    {
        var port = FreePort();
        var maildir = Directory.CreateTempSubdirectory("failingwell-smtp-").FullName;
        return StartAsync(port, maildir, [
            "-c", TlsRelayScript, port.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.Combine(maildir, "inbox"),
            tls == SmtpTls.StartTls ? "starttls" : "implicit", certificatePath, keyPath, userName ?? "", password ?? ""]);
    }

    // aiosmtpd's command line has no implicit TLS and no AUTH; its Controller has both.
    private const string TlsRelayScript = """
        import ssl, sys, threading
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox
        from aiosmtpd.smtp import AuthResult, LoginPassword
        port, inbox, mode, cert, key, user, password = sys.argv[1:8]
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        def check(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            return AuthResult(success=ok)
        options = {"authenticator": check, "auth_required": True} if user else {}
        if mode == "starttls":
            options.update(tls_context=context, require_starttls=True)
        else:
            options.update(ssl_context=context)
        controller = Controller(Mailbox(inbox), hostname="127.0.0.1", port=int(port), ready_timeout=10, **options)
        controller.start()
        print("listening", flush=True)
        threading.Event().wait()
        """;

    private static async Task<SmtpServer> StartAsync(int port, string maildir, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    "aiosmtpd exited: " + await process.StandardError.ReadToEndAsync() + " (install Debian's python3-aiosmtpd)");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new SmtpServer(process, port, maildir);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("aiosmtpd did not start listening within 15 seconds");
    }

    /// <summary>The raw messages received so far.</summary>
    public IReadOnlyList<string> Messages()
    {
        var folder = Path.Combine(Maildir, "inbox", "new");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder).Select(File.ReadAllText)]
            : [];
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Maildir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
