using System.Security.Cryptography;
using System.Text;
using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Infrastructure.Web;
using Microsoft.Data.Sqlite;

namespace FailingWell.Tests.Reporting;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class ReceiptCodeTests
{
    [Fact]
    public void A_code_has_at_least_80_secret_bits_in_an_alphabet_that_reads_aloud()
    {
        var issued = ReceiptCodes.Issue();
        var normalised = ReceiptCodes.Normalise(issued.Code)!;

        // 32 symbols = 5 bits each; the secret half is what is hashed.
        Assert.True(ReceiptCodes.SecretLength * 5 >= 80);
        Assert.Equal(ReceiptCodes.CodeLength, normalised.Length);
        Assert.DoesNotContain(normalised, c => "ILOU".Contains(c, StringComparison.Ordinal));
        Assert.Equal(issued.Locator, ReceiptCodes.LocatorOf(normalised));
        var many = Enumerable.Range(0, 200).Select(_ => ReceiptCodes.Issue().Code).ToHashSet();
        Assert.Equal(200, many.Count);
    }

    [Fact]
    public void The_secret_is_verified_by_one_hmac_sha256_keyed_with_its_own_salt()
    {
        var issued = ReceiptCodes.Issue();
        var secret = ReceiptCodes.Normalise(issued.Code)![ReceiptCodes.LocatorLength..];

        Assert.Equal(HMACSHA256.HashData(issued.Salt, Encoding.ASCII.GetBytes(secret)), issued.Hash);
        Assert.Equal(16, issued.Salt.Length);
        Assert.NotEqual(issued.Salt, ReceiptCodes.Issue().Salt);
    }

    [Fact]
    public async Task A_receipt_shown_has_its_verifier_committed_with_its_report()
    {
        using var app = new FailingWellApp();
        var sent = await new ReportBuilder().SubmitAsync(app);

        var report = await SavedReports.LoadAsync(app, sent.Id);
        var normalised = ReceiptCodes.Normalise(sent.ReceiptCode)!;
        Assert.Equal(ReceiptVerifier.HmacSha256, report.ReceiptVerifier);
        Assert.Equal(ReceiptCodes.LocatorOf(normalised), report.ReceiptLocator);
        Assert.Equal(HMACSHA256.HashData(report.ReceiptSalt, Encoding.ASCII.GetBytes(ReceiptCodes.SecretOf(normalised))), report.ReceiptHash);
        await using var scope = app.Scope();
        Assert.Equal(sent.Id, (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new OpenWithReceipt.Command { Code = sent.ReceiptCode }))?.Id);
    }

    [Fact]
    public async Task A_code_issued_under_the_old_slow_hash_still_opens_and_is_then_verified_the_fast_way()
    {
        using var app = new FailingWellApp();
        var sent = await new ReportBuilder().SubmitAsync(app);
        var secret = ReceiptCodes.SecretOf(ReceiptCodes.Normalise(sent.ReceiptCode)!);
        var oldSalt = RandomNumberGenerator.GetBytes(16);
        await using (var scope = app.Scope())
        {
            // As a report from before decision 0049 was stored.
            await FailingWellApp.NewDbContext(scope).Reports.Where(r => r.Id == sent.Id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.ReceiptSalt, oldSalt)
                .SetProperty(r => r.ReceiptHash, Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(secret), oldSalt, 600_000, HashAlgorithmName.SHA256, 32))
                .SetProperty(r => r.ReceiptVerifier, ReceiptVerifier.Pbkdf2));
        }

        async Task<int?> OpenAsync(string code)
        {
            await using var scope = app.Scope();
            return (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new OpenWithReceipt.Command { Code = code }))?.Id;
        }

        var wrong = sent.ReceiptCode![..10] + (sent.ReceiptCode[10] == 'A' ? 'B' : 'A') + sent.ReceiptCode[11..];
        Assert.Null(await OpenAsync(wrong));
        Assert.Equal(ReceiptVerifier.Pbkdf2, (await SavedReports.LoadAsync(app, sent.Id)).ReceiptVerifier); // a wrong code changes nothing
        Assert.Equal(sent.Id, await OpenAsync(sent.ReceiptCode));
        var upgraded = await SavedReports.LoadAsync(app, sent.Id);
        Assert.Equal(ReceiptVerifier.HmacSha256, upgraded.ReceiptVerifier);
        Assert.Equal(HMACSHA256.HashData(upgraded.ReceiptSalt, Encoding.ASCII.GetBytes(secret)), upgraded.ReceiptHash);
        Assert.Equal(sent.Id, await OpenAsync(sent.ReceiptCode));
    }

    /// <summary>Stores a report's verifier as a report from before decision 0049 was stored: PBKDF2 of its secret.</summary>
    private static async Task MakeLegacyAsync(FailingWellApp app, int reportId, string receiptCode)
    {
        var secret = ReceiptCodes.SecretOf(ReceiptCodes.Normalise(receiptCode)!);
        var oldSalt = RandomNumberGenerator.GetBytes(16);
        await using var scope = app.Scope();
        await FailingWellApp.NewDbContext(scope).Reports.Where(r => r.Id == reportId).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.ReceiptSalt, oldSalt)
            .SetProperty(r => r.ReceiptHash, Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(secret), oldSalt, 600_000, HashAlgorithmName.SHA256, 32))
            .SetProperty(r => r.ReceiptVerifier, ReceiptVerifier.Pbkdf2));
    }

    [Fact]
    public async Task After_one_follow_up_on_the_page_an_old_codes_verifier_is_stored_the_current_way()
    {
        using var app = new FailingWellApp();
        var sent = await new ReportBuilder().SubmitAsync(app);
        await MakeLegacyAsync(app, sent.Id, sent.ReceiptCode!);

        var opened = await FollowUps.OpenAsync(app.CreateClient(), sent.ReceiptCode!);

        Assert.Contains(sent.Reference, opened.Html, StringComparison.Ordinal);
        var stored = await SavedReports.LoadAsync(app, sent.Id);
        Assert.Equal(ReceiptVerifier.HmacSha256, stored.ReceiptVerifier);
        Assert.Equal(ReceiptCodes.Hash(ReceiptCodes.SecretOf(ReceiptCodes.Normalise(sent.ReceiptCode)!), stored.ReceiptSalt), stored.ReceiptHash);
    }

    [Fact]
    public async Task Wrong_guesses_at_an_old_code_are_checked_one_at_a_time_so_they_can_take_no_more_than_one_core()
    {
        using var app = new FailingWellApp();
        var sent = await new ReportBuilder().SubmitAsync(app);
        await MakeLegacyAsync(app, sent.Id, sent.ReceiptCode!);
        var wrong = sent.ReceiptCode![..10] + (sent.ReceiptCode[10] == 'A' ? 'B' : 'A') + sent.ReceiptCode[11..];

        // Eight clients guessing at once, each guess a quarter of a core-second of PBKDF2, with threads
        // enough for all of them (as a busy site's thread pool grows to have).
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), completions);
        var guesses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new OpenWithReceipt.Command { Code = wrong });
        })));

        Assert.All(guesses, Assert.Null);
        Assert.Equal(1, ReceiptCodes.LegacyChecksMostAtOnce);
        Assert.Equal(ReceiptVerifier.Pbkdf2, (await SavedReports.LoadAsync(app, sent.Id)).ReceiptVerifier);
    }

    [Fact]
    public async Task The_database_holds_no_receipt_code_nor_its_secret_half()
    {
        using var app = new FailingWellApp();
        var sent = await new ReportBuilder().PostFormAsync(app, app.CreateClient());
        var normalised = ReceiptCodes.Normalise(sent.ReceiptCode)!;
        SqliteConnection.ClearAllPools();

        var bytes = DatabaseBytes.Read(app.DatabasePath);

        foreach (var form in new[] { sent.ReceiptCode!, normalised, normalised[ReceiptCodes.LocatorLength..], normalised[ReceiptCodes.LocatorLength..(ReceiptCodes.LocatorLength + 8)] })
        {
            Assert.False(DatabaseBytes.Contains(bytes, form), $"'{form}' is in the database file");
        }
    }

    [Fact]
    public async Task Right_codes_count_too_so_one_client_cannot_open_reports_without_limit()
    {
        using var app = new FailingWellApp { ClientAddress = IPAddress.Parse("198.51.100.50") }
            .With("Reporting:MaxCodeAttemptsPerHour", "3");
        var sent = await new ReportBuilder().PostFormAsync(app, app.CreateClient());
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Contains(sent.Reference!, (await FollowUps.OpenAsync(client, sent.ReceiptCode!)).Html, StringComparison.Ordinal);
        }

        var fourth = await FollowUps.OpenAsync(client, sent.ReceiptCode!);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Response.StatusCode);
        Assert.DoesNotContain(sent.Reference!, fourth.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_ten_wrong_codes_in_an_hour_from_one_client_are_asked_to_wait()
    {
        using var app = new FailingWellApp { ClientAddress = IPAddress.Parse("198.51.100.40") }
            .With("Reporting:MaxWrongCodesPerHour", "10");
        var sent = await new ReportBuilder().PostFormAsync(app, app.CreateClient());
        var client = app.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            var wrong = await FollowUps.OpenAsync(client, "0000-0000-0000-0000-0000-0000");
            Assert.Equal(HttpStatusCode.OK, wrong.Response.StatusCode);
        }

        var eleventh = await FollowUps.OpenAsync(client, sent.ReceiptCode!);

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.Response.StatusCode);
        Assert.Contains("You have tried too many times", eleventh.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.Reference!, eleventh.Html, StringComparison.Ordinal);

        app.ClientAddress = IPAddress.Parse("198.51.100.41");
        Assert.Contains(sent.Reference!, (await FollowUps.OpenAsync(client, sent.ReceiptCode!)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_limiter_keeps_no_client_address()
    {
        using var app = new FailingWellApp { ClientAddress = IPAddress.Parse("198.51.100.77") };
        await FollowUps.OpenAsync(app.CreateClient(), "0000-0000-0000-0000-0000-0000");
        var limiter = app.Services.GetRequiredService<ClientLimiter>();

        var counters = typeof(ClientLimiter).GetField("_counters", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(limiter)!;
        var keys = string.Join(' ', ((System.Collections.IEnumerable)counters.GetType().GetProperty("Keys")!.GetValue(counters)!).Cast<object>().Select(k => k.ToString()));

        Assert.Contains("receipt-code:", keys, StringComparison.Ordinal);
        Assert.Contains("receipt-attempt:", keys, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.77", keys, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(IPAddress.Parse("198.51.100.77").GetAddressBytes()), keys, StringComparison.Ordinal);
    }
}
