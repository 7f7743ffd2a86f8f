namespace FailingWell.Tests.Reporting;

/// <summary>A receipt shown is a receipt kept: after a crash, and on any node.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
[Trait(TestKind.Trait, TestKind.RealProcess)]
public sealed class ReceiptsKeptTests
{
    private static readonly Dictionary<string, string> Busy = new()
    {
        ["Reporting:MaxReportsPerHour"] = "1000",
        ["Reporting:MaxCodeAttemptsPerHour"] = "1000",
    };

    [Fact]
    public async Task Every_code_shown_in_a_burst_opens_its_report_after_the_site_is_killed_and_restarted()
    {
        using var setup = new FailingWellApp(); // makes and migrates the database
        var answers = await new ReportBuilder().FormAnswersAsync(setup);

        var shown = new List<(string Reference, string Code)>();
        using (var site = await SiteProcess.StartAsync(setup, Busy))
        {
            var sent = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
            {
                using var browser = site.Browser();
                return await ReportBuilder.PostAsync(browser, answers);
            }));
            site.Kill(); // the moment the last receipt is on screen
            Assert.All(sent, s => Assert.NotNull(s.ReceiptCode));
            shown.AddRange(sent.Select(s => (s.Reference!, s.ReceiptCode!)));
        }

        using var restarted = await SiteProcess.StartAsync(setup, Busy);
        using var reporter = restarted.Browser();
        foreach (var (reference, code) in shown)
        {
            var page = await FollowUps.OpenAsync(reporter, code);
            Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
            Assert.Contains(reference, page.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_code_shown_by_one_node_opens_on_another_at_once()
    {
        using var other = new FailingWellApp().With("Reporting:MaxCodeAttemptsPerHour", "1000");
        var answers = await new ReportBuilder().FormAnswersAsync(other);
        using var site = await SiteProcess.StartAsync(other, Busy);
        using var browser = site.Browser();
        var sent = await ReportBuilder.PostAsync(browser, answers);

        var page = await FollowUps.OpenAsync(other.CreateClient(), sent.ReceiptCode!);

        Assert.Contains(sent.Reference!, page.Html, StringComparison.Ordinal);
    }
}
