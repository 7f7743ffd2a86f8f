using FailingWell.Tests.Host;

namespace FailingWell.Tests.Infrastructure.Data;

/// <summary>
/// Start-up refuses a key ring whose live keys no configured certificate opens, in one line, rather
/// than making new keys and signing everyone out (docs/decisions/0110). Run as a process, to see what
/// an operator sees.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class KeyRingRefusalTests
{
    [Fact]
    public async Task Dropping_the_certificate_of_live_keys_stops_start_up_with_one_line_naming_its_thumbprint_and_makes_no_key()
    {
        var dropped = TestCertificate.Create("FailingWell tests dropped key ring");
        using var app = new FailingWellApp().WithKeyRingCertificate(dropped);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(new Uri("/report", UriKind.Relative))).StatusCode);
        var rows = await KeyRingStoreTests.EncryptedWithAsync(app);

        // The site in Production with the shared test certificate only: the dropped one is not listed.
        var (exitCode, output, error) = await CommandLineVerbsTests.RunAsync(app, null);

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("Exception", output + error, StringComparison.Ordinal);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Refusing to start: the Data Protection key ring holds keys encrypted with certificate " + KeyRingStoreTests.Thumbprint(dropped), line, StringComparison.Ordinal);
        Assert.Contains("DataProtection:PreviousCertificates", line, StringComparison.Ordinal);
        Assert.Equal(rows, await KeyRingStoreTests.EncryptedWithAsync(app));
    }

    [Fact]
    public async Task A_verb_is_refused_the_same_way_but_migrate_is_not()
    {
        using var app = new FailingWellApp().WithKeyRingCertificate(TestCertificate.Create("FailingWell tests dropped key ring"));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(new Uri("/report", UriKind.Relative))).StatusCode);

        var migrate = await CommandLineVerbsTests.RunAsync(app, null, "migrate");
        var addUser = await CommandLineVerbsTests.RunAsync(app, null, "users", "add", "--email", "ops@trust.nhs.uk", "--role", "Admin", "--password", "a long enough password");

        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Equal(1, addUser.ExitCode);
        Assert.StartsWith("Refusing to start", addUser.Error, StringComparison.Ordinal);
    }
}
