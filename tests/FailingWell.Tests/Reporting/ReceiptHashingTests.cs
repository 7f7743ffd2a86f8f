using System.Security.Cryptography;
using System.Text;
using FailingWell.Web.Features.Reporting;
using Microsoft.Extensions.Hosting;

namespace FailingWell.Tests.Reporting;

/// <summary>
/// A receipt code's slow hash is worked out after its report is committed (see PendingReceipts):
/// the code must work at once, the secret must never reach the database, and the stored hash must
/// be the slow one.
/// </summary>
public sealed class ReceiptHashingTests
{
    [Fact]
    public async Task A_new_code_opens_its_report_at_once_and_its_slow_hash_is_stored_soon_after()
    {
        using var app = new FailingWellApp();
        var client = app.CreateClient();
        var sent = await new ReportBuilder().PostFormAsync(app, client);

        var page = await FollowUps.OpenAsync(client, sent.ReceiptCode!);
        Assert.Contains(sent.Reference!, page.Html, StringComparison.Ordinal);

        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(30), async () =>
            (await StoredAsync(app, sent.Reference!)).Hash.Length > 0));
        var stored = await StoredAsync(app, sent.Reference!);
        Assert.Equal(SlowHash(sent.ReceiptCode!, stored.Salt), stored.Hash);
        Assert.Equal(0, app.Services.GetRequiredService<PendingReceipts>().Count);
        Assert.Contains(sent.Reference!, (await FollowUps.OpenAsync(client, sent.ReceiptCode!)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_still_waiting_for_its_hash_opens_its_report_and_a_wrong_secret_does_not()
    {
        using var app = new FailingWellApp { HashReceiptsInBackground = false };
        var client = app.CreateClient();
        var sent = await new ReportBuilder().PostFormAsync(app, client);
        var other = await new ReportBuilder().PostFormAsync(app, client);
        Assert.Empty((await StoredAsync(app, sent.Reference!)).Hash);

        var right = sent.ReceiptCode!;
        var wrongSecret = right[..10] + (right[10] == 'A' ? 'B' : 'A') + right[11..];
        var wrong = await FollowUps.OpenAsync(client, wrongSecret);
        Assert.Contains(FollowUpModel.WrongCode, WebUtility.HtmlDecode(wrong.Html), StringComparison.Ordinal);
        Assert.Empty((await StoredAsync(app, sent.Reference!)).Hash);

        var page = await FollowUps.OpenAsync(client, right);
        Assert.Contains(sent.Reference!, page.Html, StringComparison.Ordinal);

        // The check did the slow work, so its result is stored and the secret leaves memory.
        var stored = await StoredAsync(app, sent.Reference!);
        Assert.Equal(SlowHash(right, stored.Salt), stored.Hash);
        Assert.Equal(1, app.Services.GetRequiredService<PendingReceipts>().Count);
        Assert.Empty((await StoredAsync(app, other.Reference!)).Hash);
    }

    [Fact]
    public async Task A_code_whose_secret_was_lost_before_its_hash_was_stored_opens_nothing_and_its_report_stays()
    {
        using var app = new FailingWellApp { HashReceiptsInBackground = false };
        var client = app.CreateClient();
        var sent = await new ReportBuilder().PostFormAsync(app, client);

        // What a crash does: the memory holding the secret is gone, the committed report is not.
        app.Services.GetRequiredService<PendingReceipts>().Secured(ReceiptCodes.LocatorOf(ReceiptCodes.Normalise(sent.ReceiptCode)!));

        var page = await FollowUps.OpenAsync(client, sent.ReceiptCode!);
        Assert.Contains(FollowUpModel.WrongCode, WebUtility.HtmlDecode(page.Html), StringComparison.Ordinal);
        Assert.Empty((await StoredAsync(app, sent.Reference!)).Hash);
    }

    [Fact]
    public async Task Stopping_the_site_hashes_the_codes_still_waiting()
    {
        using var app = new FailingWellApp { HashReceiptsInBackground = false };
        var client = app.CreateClient();
        var sent = new List<ReportBuilder.Posted>();
        for (var i = 0; i < 3; i++)
        {
            sent.Add(await new ReportBuilder().PostFormAsync(app, client));
        }

        var hashing = new ReceiptHashing(
            app.Services.GetRequiredService<PendingReceipts>(),
            app.Services.GetRequiredService<ReportIntake>(),
            app.Services.GetRequiredService<IHostApplicationLifetime>());
        await hashing.StartAsync(CancellationToken.None);
        await hashing.StopAsync(CancellationToken.None);
        hashing.Dispose();

        foreach (var report in sent)
        {
            var stored = await StoredAsync(app, report.Reference!);
            Assert.Equal(SlowHash(report.ReceiptCode!, stored.Salt), stored.Hash);
        }

        Assert.Equal(0, app.Services.GetRequiredService<PendingReceipts>().Count);
    }

    [Fact]
    public async Task When_too_many_codes_wait_a_submission_hashes_its_own_code_before_answering()
    {
        using var app = new FailingWellApp { HashReceiptsInBackground = false }
            .With("Reporting:MaxPendingReceiptCodes", "0");
        var client = app.CreateClient();

        var sent = await new ReportBuilder().PostFormAsync(app, client);

        var stored = await StoredAsync(app, sent.Reference!);
        Assert.Equal(SlowHash(sent.ReceiptCode!, stored.Salt), stored.Hash);
        Assert.Equal(0, app.Services.GetRequiredService<PendingReceipts>().Count);
        Assert.Contains(sent.Reference!, (await FollowUps.OpenAsync(client, sent.ReceiptCode!)).Html, StringComparison.Ordinal);
    }

    private static byte[] SlowHash(string code, byte[] salt)
    {
        var secret = ReceiptCodes.Normalise(code)![ReceiptCodes.LocatorLength..];
        return Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(secret), salt, 600_000, HashAlgorithmName.SHA256, 32);
    }

    private static async Task<(byte[] Salt, byte[] Hash)> StoredAsync(FailingWellApp app, string reference)
    {
        await using var scope = app.Scope();
        var row = await FailingWellApp.NewDbContext(scope).Reports.AsNoTracking()
            .Where(r => r.Reference == reference)
            .Select(r => new { r.ReceiptSalt, r.ReceiptHash })
            .SingleAsync();
        return (row.ReceiptSalt, row.ReceiptHash);
    }
}
