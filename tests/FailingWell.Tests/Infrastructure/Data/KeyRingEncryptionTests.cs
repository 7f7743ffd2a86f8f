using System.Text.RegularExpressions;
using FailingWell.Web.Infrastructure.Data;

namespace FailingWell.Tests.Infrastructure.Data;

/// <summary>The key ring in the database is encrypted at rest in Production (docs/decisions/0055).</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed partial class KeyRingEncryptionTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static async Task<List<string>> KeyRowsAsync(FailingWellApp app)
    {
        await using var scope = app.Scope();
        return await FailingWellApp.NewDbContext(scope).DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    [Fact]
    public async Task In_Production_the_key_ring_rows_hold_no_unencrypted_master_key()
    {
        using var app = new ProductionApp();
        var form = await app.CreateClient().GetAsync(new Uri("/report", UriKind.Relative)); // the first key is made for the form's token

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var rows = await KeyRowsAsync(app);
        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Outside_Production_the_site_starts_without_a_certificate_and_its_keys_are_stored_as_before()
    {
        using var app = new FailingWellApp(); // Testing, no certificate
        var form = await app.CreateClient().GetAsync(new Uri("/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains(await KeyRowsAsync(app), xml => xml.Contains("<masterKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Production_refuses_to_start_without_the_key_ring_certificate_and_names_the_setting()
    {
        using var app = new ProductionApp(withCertificate: false);

        var refused = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(KeyRingExtensions.CertificatePathSetting, refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("DataProtection:Certificate:Path is not set", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_a_certificate_file_that_does_not_open_and_names_the_setting()
    {
        using var wrongPassword = new ProductionApp().With(KeyRingExtensions.CertificatePasswordSetting, "not its password");

        var refused = Assert.ThrowsAny<Exception>(() => wrongPassword.Services);

        Assert.Contains($"check {KeyRingExtensions.CertificatePasswordSetting}", refused.ToString(), StringComparison.Ordinal);
    }

    // Not listed, the site no longer starts at all (docs/decisions/0110, KeyRingRefusalTests).
    [Fact]
    public async Task After_a_new_certificate_keys_encrypted_with_the_retired_one_are_read_while_it_is_listed_as_previous()
    {
        using var before = new ProductionApp();
        var browser = new CookieContainer();
        var beforeClient = before.CreateDefaultClient(new TlsFrontCookies(browser));
        var page = await (await beforeClient.GetAsync(new Uri("/report", UriKind.Relative))).Content.ReadAsStringAsync();
        var answers = await new ReportBuilder().FormAnswersAsync(before);
        answers["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);

        using var after = new ProductionApp()
            .WithKeyRingCertificate(TestCertificate.Create("FailingWell tests next key ring"))
            .With("ConnectionStrings:FailingWell", before.ConnectionString)
            .With($"{KeyRingExtensions.PreviousCertificatesSetting}:0:Path", TestCertificate.Path)
            .With($"{KeyRingExtensions.PreviousCertificatesSetting}:0:Password", TestCertificate.Password);
        using var content = new FormUrlEncodedContent(answers);
        var response = await after.CreateDefaultClient(new TlsFrontCookies(browser)).PostAsync(new Uri("/report", UriKind.Relative), content);
        var sent = await ReportBuilder.ReadAsync(response);

        // The form's token was protected with a key that the retired certificate encrypted.
        Assert.NotNull(sent.ReceiptCode);
    }
}
