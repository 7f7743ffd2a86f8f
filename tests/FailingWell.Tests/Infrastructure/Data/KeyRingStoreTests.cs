using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using FailingWell.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.Options;

namespace FailingWell.Tests.Infrastructure.Data;

/// <summary>
/// The framework's key ring store on the table FailingWell's own store wrote (docs/decisions/0106):
/// an upgraded site keeps its sessions, the certificate rotates, and nodes share one ring.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class KeyRingStoreTests
{
    private static readonly Uri Site = new("http://localhost");

    [Fact]
    public async Task A_site_upgraded_from_the_old_store_still_accepts_its_staff_cookies_and_follow_up_sessions_and_makes_no_new_key()
    {
        string connection;
        var staffCookies = new CookieContainer();
        var reporterCookies = new CookieContainer();
        FollowUps.Page opened;
        List<string> oldRows;
        using (var before = new SiteOnTheOldStore())
        {
            var lead = await Staff.CreateAsync(before, StaffRoles.GovernanceLead);
            await Staff.SignInAsync(before, lead, staffCookies);
            var sent = await new ReportBuilder().SubmitAsync(before);
            opened = await FollowUps.OpenAsync(Browser(before, reporterCookies), sent.ReceiptCode!);
            Assert.Contains(sent.Reference, opened.Html, StringComparison.Ordinal);
            connection = before.ConnectionString;
            oldRows = await KeyRowsAsync(before);

            using var after = new FailingWellApp().WithKeyRingCertificate().With("ConnectionStrings:FailingWell", connection);
            var triage = await Browser(after, staffCookies).GetAsync(new Uri("/triage", UriKind.Relative));
            var replied = await FollowUps.SendMessageAsync(Browser(after, reporterCookies), opened, "It happened again on the night shift.");

            Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
            Assert.Contains("Sign out", await triage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("Your message has been sent", replied.Html, StringComparison.Ordinal);
            // Read with the old store's keys, not with a new key made because those could not be read.
            Assert.Equal(oldRows, await KeyRowsAsync(after));
        }

        Assert.NotEmpty(oldRows);
        Assert.All(oldRows, row => Assert.StartsWith("key-", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_rotation_keys_of_the_old_certificate_are_read_and_new_keys_are_encrypted_with_the_new_one()
    {
        var oldCertificate = TestCertificate.Create("FailingWell tests retiring key ring");
        var newCertificate = TestCertificate.Create("FailingWell tests current key ring");
        using var before = new FailingWellApp().WithKeyRingCertificate(oldCertificate);
        var lead = await Staff.CreateAsync(before, StaffRoles.GovernanceLead);
        var cookies = new CookieContainer();
        await Staff.SignInAsync(before, lead, cookies);

        using var after = new FailingWellApp()
            .WithKeyRingCertificate(newCertificate)
            .With($"{KeyRingExtensions.PreviousCertificatesSetting}:0:Path", oldCertificate)
            .With($"{KeyRingExtensions.PreviousCertificatesSetting}:0:Password", TestCertificate.Password)
            .With("ConnectionStrings:FailingWell", before.ConnectionString);
        var triage = await Browser(after, cookies).GetAsync(new Uri("/triage", UriKind.Relative));
        await using (var scope = after.Scope())
        {
            var now = DateTimeOffset.UtcNow;
            scope.ServiceProvider.GetRequiredService<IKeyManager>().CreateNewKey(now, now.AddDays(90));
        }

        Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
        var encryptedWith = await EncryptedWithAsync(after);
        Assert.Equal(2, encryptedWith.Count);
        Assert.Equal([Thumbprint(oldCertificate), Thumbprint(newCertificate)], encryptedWith);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_share_one_key_ring()
    {
        using var first = new FailingWellApp().WithKeyRingCertificate();
        using var second = new FailingWellApp().WithKeyRingCertificate().With("ConnectionStrings:FailingWell", first.ConnectionString);
        var lead = await Staff.CreateAsync(first, StaffRoles.GovernanceLead);
        var cookies = new CookieContainer();
        await Staff.SignInAsync(first, lead, cookies);

        var onSecond = await Browser(second, cookies).GetAsync(new Uri("/triage", UriKind.Relative));
        var sent = await new ReportBuilder().SubmitAsync(second);
        var reporter = new CookieContainer();
        var openedOnSecond = await FollowUps.OpenAsync(Browser(second, reporter), sent.ReceiptCode!);
        var repliedOnFirst = await FollowUps.SendMessageAsync(Browser(first, reporter), openedOnSecond, "It was the same ward as before.");

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Contains("Your message has been sent", repliedOnFirst.Html, StringComparison.Ordinal);
        Assert.Single(await KeyRowsAsync(first));
    }

    [Fact]
    public async Task Keys_of_a_dropped_certificate_stop_mattering_a_week_after_they_expire()
    {
        using var app = new FailingWellApp().WithKeyRingCertificate(TestCertificate.Create("FailingWell tests dropped key ring"));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(new Uri("/report", UriKind.Relative))).StatusCode);
        IReadOnlyCollection<XElement> ring;
        await using (var scope = app.Scope())
        {
            ring = scope.ServiceProvider.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository!.GetAllElements();
        }

        using var current = X509CertificateLoader.LoadPkcs12FromFile(TestCertificate.Path, TestCertificate.Password);
        var readability = new KeyRingReadability([current]);

        Assert.NotNull(readability.Refusal(ring, DateTimeOffset.UtcNow));
        Assert.NotNull(readability.Refusal(ring, DateTimeOffset.UtcNow.AddDays(95))); // expired, but an invitation it made may still be open
        Assert.Null(readability.Refusal(ring, DateTimeOffset.UtcNow.AddDays(98)));
    }

    internal static HttpClient Browser(FailingWellApp app, CookieContainer cookies) =>
        app.CreateDefaultClient(Site, new CookieContainerHandler(cookies));

    private static async Task<List<string>> KeyRowsAsync(FailingWellApp app)
    {
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.FriendlyName!).ToListAsync();
    }

    /// <summary>The thumbprint of the certificate each stored key was encrypted with, oldest key first.</summary>
    internal static async Task<List<string>> EncryptedWithAsync(FailingWellApp app)
    {
        await using var scope = app.Scope();
        var rows = await FailingWellApp.NewDbContext(scope).DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml!).ToListAsync();
        return [.. rows.Select(xml =>
        {
            var embedded = XElement.Parse(xml).Descendants().Single(e => e.Name.LocalName == "X509Certificate").Value;
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(embedded));
            return certificate.Thumbprint;
        })];
    }

    internal static string Thumbprint(string pfx)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(pfx, TestCertificate.Password);
        return certificate.Thumbprint;
    }

    /// <summary>
    /// The site as it ran before the upgrade: its key ring kept by the store FailingWell wrote itself
    /// (removed by 0106), reproduced here row for row: the framework's friendly name and the key's XML
    /// without formatting, read back in the order written.
    /// </summary>
    private sealed class SiteOnTheOldStore : FailingWellApp
    {
        public SiteOnTheOldStore() => this.WithKeyRingCertificate();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IPostConfigureOptions<KeyManagementOptions>>(provider =>
                new PostConfigureOptions<KeyManagementOptions>(null, options => options.XmlRepository = new OldStore(provider.GetRequiredService<IServiceScopeFactory>()))));
        }
    }

    private sealed class OldStore(IServiceScopeFactory scopes) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
            return [.. db.Database.SqlQuery<string>($"SELECT \"Xml\" AS \"Value\" FROM \"DataProtectionKeys\" ORDER BY \"Id\"").AsEnumerable().Select(XElement.Parse)];
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FailingWellDbContext>();
            db.Database.ExecuteSql($"INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ({friendlyName}, {element.ToString(SaveOptions.DisableFormatting)})");
        }
    }
}
