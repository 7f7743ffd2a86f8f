using System.Net;
using System.Net.Sockets;
using FailingWell.Web.Domain;
using FailingWell.Web.Features.Admin;
using FailingWell.Web.Features.Network;
using FailingWell.Web.Features.Network.Hub;
using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Features.Triage;
using FailingWell.Web.Infrastructure.Accounts;
using FailingWell.Web.Infrastructure.Data;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FailingWell.BrowserTests.Support;

/// <summary>
/// A learning network on loopback in one test run: a hub and two members, each the real site on Kestrel
/// with its own SQLite file, and one Debian Chromium driven by Playwright (a context per person).
/// The hub starts first so the members know its address; the coordinator adds them and issues their keys.
/// </summary>
public sealed class NetworkSites : IAsyncDisposable
{
    public const string Password = BrowserStaff.Password;

    private IPlaywright? _playwright;

    private NetworkSites(Site hub)
    {
        Hub = hub;
    }

    public Site Hub { get; }

    public Site A { get; private set; } = null!;

    public Site B { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<NetworkSites> StartAsync(string nameA, string nameB)
    {
        var hub = new Site(new Dictionary<string, string> { ["Network:Role"] = "Hub" });
        var network = new NetworkSites(hub);
        try
        {
            hub.StartServer();
            var coordinator = await hub.AccountAsync(StaffRoles.NetworkCoordinator, "Cora Coordinator");
            network.Coordinator = coordinator;
            network.A = await network.MemberAsync(coordinator, nameA);
            network.B = await network.MemberAsync(coordinator, nameB);
            network._playwright = await Playwright.CreateAsync();
            network.Browser = await network._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            Directory.CreateDirectory(network.ScreenshotFolder);
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>The hub's coordinator, who added both members.</summary>
    public BrowserStaff.Account Coordinator { get; private set; } = null!;

    private async Task<Site> MemberAsync(BrowserStaff.Account coordinator, string name)
    {
        IssuedKey key;
        await using (var scope = Hub.Services.CreateAsyncScope())
        {
            key = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AddMember.Command
            {
                ActorAccountId = coordinator.Id, Name = name, OrganisationType = "Acute trust",
            });
        }

        var member = new Site(new Dictionary<string, string>
        {
            ["Network:Role"] = "Member",
            ["Network:HubUrl"] = Hub.BaseAddress.ToString(),
            ["Network:MemberId"] = key.MemberId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Network:Key"] = key.Key,
            ["Network:OrganisationName"] = key.Name,
            ["Network:OrganisationType"] = "Acute trust",
            ["Network:DeliveryIntervalSeconds"] = "1",
            ["Network:PullIntervalSeconds"] = "1",
            ["Network:RetryBaseSeconds"] = "1",
        });
        member.MemberId = key.MemberId;
        member.StartServer();
        return member;
    }

    /// <summary>
    /// Twelve months of a member's published figures, as the hub holds them once the member's monthly job
    /// has sent them (the job runs on the 2nd of each month: a test cannot wait for it).
    /// </summary>
    public async Task HubHoldsFiguresAsync(Site member, DateOnly lastMonth, int reportsPerMonth, double bedDaysPerMonth)
    {
        ArgumentNullException.ThrowIfNull(member);
        var months = Enumerable.Range(0, 12)
            .Select(i => new MonthlyAggregate(PeerMessageKinds.MonthKey(lastMonth.AddMonths(i - 11)), reportsPerMonth, bedDaysPerMonth, null, null, null))
            .ToList();
        await using var scope = Hub.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new StoreAggregates.Command(member.MemberId, new MonthlyAggregatesMessage(months)));
    }

    /// <summary>A person's own browser context on a site.</summary>
    public async Task<IPage> NewPageAsync(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    /// <summary>Signs in at the page it is on: <see cref="BrowserStaff.SignInAsync"/>.</summary>
    public static Task SignInAsync(IPage page, BrowserStaff.Account account) => BrowserStaff.SignInAsync(page, account);

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        // Members first: they call the hub on a schedule.
        foreach (var site in new[] { B, A, Hub })
        {
            if (site is not null)
            {
                await site.DisposeAsync();
            }
        }
    }


    /// <summary>One site of the network: the real app on a loopback port with its own database and settings.</summary>
    public sealed class Site : WebApplicationFactory<Program>
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("failingwell-network-browser-").FullName;
        private readonly int _port = FreePort();
        private readonly Dictionary<string, string> _settings;

        public Site(Dictionary<string, string> settings)
        {
            _settings = settings;
            UseKestrel(_port);
        }

        public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

        /// <summary>The number the hub gave this member (0 for the hub itself).</summary>
        public int MemberId { get; set; }

        /// <summary>A staff account with an authenticator, as an admin would make one.</summary>
        public Task<BrowserStaff.Account> AccountAsync(string role, string name) => BrowserStaff.CreateAsync(Services, role, name);

        /// <summary>A report made anonymously; closed by the lead when <paramref name="closedBy"/> is given.</summary>
        public async Task<int> ReportAsync(string whatHappened, string category, BrowserStaff.Account? closedBy = null)
        {
            ArgumentNullException.ThrowIfNull(category);
            await using var scope = Services.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
            var result = await mediator.Send(new SubmitReport.Command
            {
                Kind = ReportKind.Incident, WhatHappened = whatHappened,
                When = SubmitReport.WhenChoice.Yesterday, TimeOfDay = TimeBand.Night, Where = "", PersonAffected = PersonAffected.Patient,
                PhysicalHarm = PhysicalHarm.Low, PsychologicalHarm = PsychologicalHarm.None,
                CategoryId = await db.Categories.Where(c => c.Name == category).Select(c => c.Id).SingleAsync(), SubmissionId = Guid.NewGuid(),
            });
            var report = await db.Reports.AsNoTracking().Where(r => r.Reference == result.Reference).Select(r => new { r.Id, r.Version }).SingleAsync();
            if (closedBy is not null)
            {
                await mediator.Send(new Close.Command { ReportId = report.Id, Version = report.Version, ActorAccountId = closedBy.Id, Outcome = "Checked and changed." });
            }

            return report.Id;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:FailingWell", $"Data Source={Path.Combine(_folder, "failingwell.db")}");
            builder.UseSetting("Email:PickupDirectory", Path.Combine(_folder, "mail"));
            builder.UseSetting("Scheduling:InstanceName", "FailingWell-network-browser-" + Guid.NewGuid().ToString("N"));
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseUrls(BaseAddress.ToString());
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
