using FailingWell.Web.Features.Digests;

namespace FailingWell.Tests.Triage;

/// <summary>The queue, the report page and the digests say harm levels in the words of Domain/HarmLabels.</summary>
public sealed class PlainWordingTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    [Fact]
    public async Task The_queue_and_the_report_page_say_no_harm_and_severe_harm_or_death()
    {
        var report = await new ReportBuilder { PhysicalHarm = PhysicalHarm.None, Kind = ReportKind.NearMiss }.SubmitAsync(app);
        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));

        var queue = WebUtility.HtmlDecode(await lead.GetStringAsync(new Uri("/triage?Filter.Search=" + report.Reference, UriKind.Relative)));
        var page = WebUtility.HtmlDecode(await lead.GetStringAsync(new Uri($"/triage/reports/{report.Id}", UriKind.Relative)));

        Assert.Contains("No harm", queue, StringComparison.Ordinal);
        Assert.Contains(">Severe harm or death</option>", queue, StringComparison.Ordinal);
        Assert.Contains(">Extreme risk</option>", queue, StringComparison.Ordinal);
        Assert.Contains("No harm. No psychological harm.", page, StringComparison.Ordinal);
        Assert.Contains(">Death</option>", page, StringComparison.Ordinal);
        foreach (var html in new[] { queue, page })
        {
            Assert.DoesNotContain("None harm", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Fatal or worse", html, StringComparison.Ordinal);
            Assert.DoesNotContain(">None<", html, StringComparison.Ordinal);
            Assert.DoesNotContain(">Fatal<", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_digest_says_no_harm_and_names_psychological_harm_plainly()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
        using var timed = new FailingWellApp { Clock = clock };
        await new ReportBuilder { PhysicalHarm = PhysicalHarm.None, ReceivedOn = new DateOnly(2026, 11, 10) }.SaveAsync(timed, times: 5);
        Assert.True(Period.TryParse("2026-W46", out var period));
        await using var scope = timed.Scope();
        var built = await scope.ServiceProvider.GetRequiredService<DigestBuilder>().BuildAsync(GovernanceStream.PatientSafety, period, CancellationToken.None);

        var content = DigestContent.FromJson(built.Single(d => d.ScopeKey == Digest.OrganisationScope).Content);

        Assert.Equal([("No harm", (int?)5)], content.ByPhysicalHarm.Cells.Select(c => (c.Label, c.Count)));
        Assert.Equal([("No psychological harm", (int?)5)], content.ByPsychologicalHarm.Cells.Select(c => (c.Label, c.Count)));
        Assert.DoesNotContain("None harm", content.ToJson(), StringComparison.Ordinal);
    }
}
