using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Support;

/// <summary>
/// The real site on Kestrel, on a loopback port, with a SQLite file of its own, and Debian's
/// Chromium driven by Playwright (no browser download: it is not possible here, nor needed).
/// </summary>
public sealed class LiveSite : IAsyncLifetime
{
    private readonly Factory _factory;
    private IPlaywright? _playwright;

    // One public constructor: xunit makes the collection's fixture with it, and refuses a class with two.
    public LiveSite()
        : this(new Dictionary<string, string>())
    {
    }

    private LiveSite(IReadOnlyDictionary<string, string> settings) => _factory = new Factory(settings);

    /// <summary>A live site with settings of its own (another database, for one).</summary>
    public static LiveSite With(IReadOnlyDictionary<string, string> settings) => new(settings);

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => _factory.BaseAddress;

    /// <summary>The running site's services, to act as a governance lead would through the mediator.</summary>
    public IServiceProvider Services => _factory.Services;

    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        _factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // This machine has no network but loopback: keep Chromium from reaching for one.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        // Two cores shared with the site and the test host: give a slow moment room before calling it a failure.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    /// <summary>A phone: small screen, touch, mobile browser (a porter scanning a ward poster).</summary>
    public async Task<IPage> NewPhonePageAsync(int width = 390, int height = 844)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 3,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class Factory : WebApplicationFactory<Program>
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("failingwell-browser-").FullName;
        private readonly int _port = FreePort();
        private readonly IReadOnlyDictionary<string, string> _settings;

        public Factory(IReadOnlyDictionary<string, string> settings)
        {
            _settings = settings;
            UseKestrel(_port);
        }

        public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:FailingWell", $"Data Source={Path.Combine(_folder, "failingwell.db")}");
            builder.UseSetting("Email:PickupDirectory", Path.Combine(_folder, "mail"));
            builder.UseSetting("Scheduling:InstanceName", "FailingWell-browser-" + Guid.NewGuid().ToString("N"));
            builder.UseUrls(BaseAddress.ToString());
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LiveSiteTests : ICollectionFixture<LiveSite>
{
    public const string Name = "live site";
}
