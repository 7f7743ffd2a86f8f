using FailingWell.Web.Features.Digests;
using FailingWell.Web.Features.Reporting;
using FailingWell.Web.Host;
using FailingWell.Web.Infrastructure.Email;

namespace FailingWell.Tests.Digests;

/// <summary>Packs built from known reports on a fixed clock: every number asserted exactly.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class DigestTests
{
    // Wednesday of ISO week 47, 2026: week 46 (9 to 15 November) is the last complete week.
    private static readonly DateTimeOffset Wednesday = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Week46 = new(2026, 11, 9);

    /// <summary>A fall in week 46 whose text must never reach a digest or an email; in a division, or none.</summary>
    private static ReportBuilder Fall(int? divisionId) => new()
    {
        WhatHappened = "SeededReportText must never reach a digest or an email", Category = "Falls", ReceivedOn = Week46,
        Where = divisionId is { } id ? ReportForm.DivisionValue(id) : "",
    };

    private static async Task<(FailingWellApp App, int A, int B)> SeededAsync()
    {
        var app = new FailingWellApp { Clock = new MovableClock(Wednesday) };
        var (a, b) = await ReportBuilder.TwoDivisionsAsync(app);
        for (var i = 0; i < 7; i++)
        {
            await (Fall(a) with { ReceivedOn = Week46.AddDays(i % 7) }).SaveAsync(app);
        }

        await (Fall(a) with { ReceivedOn = Week46.AddDays(2), PhysicalHarm = PhysicalHarm.Severe, Then = r => r.Title = "Fall from bed" }).SaveAsync(app);
        await (Fall(a) with { ReceivedOn = Week46.AddDays(3), Category = "Medication", Kind = ReportKind.NearMiss, PhysicalHarm = PhysicalHarm.None }).SaveAsync(app, times: 6);
        await (Fall(b) with { ReceivedOn = Week46.AddDays(4) }).SaveAsync(app, times: 3);
        await (Fall(a) with { ReceivedOn = Week46.AddDays(-3) }).SaveAsync(app, times: 4); // week 45
        await (Fall(a) with { ReceivedOn = Week46.AddDays(1), Category = "Staffing", Kind = ReportKind.Concern, PhysicalHarm = PhysicalHarm.None }).SaveAsync(app); // another stream
        return (app, a, b);
    }

    private static async Task<IReadOnlyList<Digest>> BuildAsync(FailingWellApp app, GovernanceStream stream, string period)
    {
        Assert.True(Period.TryParse(period, out var p));
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<DigestBuilder>().BuildAsync(stream, p, CancellationToken.None);
    }

    private static async Task<DigestContent> PackAsync(FailingWellApp app, GovernanceStream stream, string period, string scopeKey)
    {
        await using var scope = app.Scope();
        var digest = await FailingWellApp.NewDbContext(scope).Digests.SingleAsync(d => d.Stream == stream && d.PeriodKey == period && d.ScopeKey == scopeKey);
        return DigestContent.FromJson(digest.Content);
    }

    private static IEnumerable<(string, int?)> Cells(Breakdown breakdown) => breakdown.Cells.Select(c => (c.Label, c.Count));

    [Fact]
    public async Task The_safety_pack_counts_exactly_and_suppresses_small_cells()
    {
        var (app, a, b) = await SeededAsync();
        using var _ = app;

        var built = await BuildAsync(app, GovernanceStream.PatientSafety, "2026-W46");

        Assert.Contains(built, d => d.ScopeKey == Digest.OrganisationScope);
        var org = await PackAsync(app, GovernanceStream.PatientSafety, "2026-W46", Digest.OrganisationScope);
        Assert.Equal(17, org.Total);
        Assert.Equal(4, org.Previous);
        Assert.Equal(4 / 12.0, org.MeanOfLast12, 6);
        // Division B's 3 would show; so would A's 14, minus the total: both are hidden.
        Assert.All(org.ByDivision!.Cells, c => Assert.Null(c.Count));
        Assert.Equal([("Something happened", 11), ("Something nearly happened", 6)], Cells(org.ByKind));
        Assert.Equal([("Falls", 11), ("Medication", 6)], Cells(org.ByCategory));
        // Low 10, No harm 6, Severe 1: the severe one is hidden and so is the next smallest.
        Assert.Equal([("Low harm", 10), ("No harm", (int?)null), ("Severe harm", (int?)null)], Cells(org.ByPhysicalHarm));
        var notable = Assert.Single(org.Notable);
        Assert.Equal(("Falls", "Fall from bed", "Severe harm"), (notable.Category, notable.Title, notable.Why));

        var divisionA = await PackAsync(app, GovernanceStream.PatientSafety, "2026-W46", Digest.DivisionScope(a));
        Assert.Equal(14, divisionA.Total);
        Assert.Null(divisionA.ByDivision);
        Assert.Equal([("Low harm", 7), ("No harm", (int?)null), ("Severe harm", (int?)null)], Cells(divisionA.ByPhysicalHarm));
        var divisionB = await PackAsync(app, GovernanceStream.PatientSafety, "2026-W46", Digest.DivisionScope(b));
        Assert.Equal(3, divisionB.Total);
        Assert.Equal([("Something happened", (int?)null)], Cells(divisionB.ByKind));
        Assert.Empty(divisionB.Notable);
    }

    [Fact]
    public async Task The_risk_pack_holds_risks_by_rating_and_concerns_and_the_experience_pack_good_practice()
    {
        var (app, a, _) = await SeededAsync();
        using var __ = app;
        var concern = Fall(a) with { Kind = ReportKind.Concern, PhysicalHarm = PhysicalHarm.None };
        await (concern with { Category = "Equipment", Then = r => { r.RiskScore = 16; r.RiskRating = RiskRating.Extreme; } }).SaveAsync(app, times: 5);
        await (concern with { Category = "Staffing" }).SaveAsync(app, times: 5);
        await (Fall(a) with { Category = "Dignity and communication", Kind = ReportKind.GoodPractice, PhysicalHarm = PhysicalHarm.None, Then = r => r.Title = "Kind words" }).SaveAsync(app, times: 5);

        await BuildAsync(app, GovernanceStream.RiskAndCompliance, "2026-W46");
        await BuildAsync(app, GovernanceStream.PatientExperience, "2026-W46");

        var risk = await PackAsync(app, GovernanceStream.RiskAndCompliance, "2026-W46", Digest.OrganisationScope);
        Assert.Equal(11, risk.Total); // 5 equipment concerns + 6 staffing concerns
        Assert.Equal([("Not graded yet", (int?)6), ("Extreme risk", 5)], Cells(risk.Risk!.ByRating));
        Assert.Equal([("Staffing", (int?)6), ("Equipment", 5)], Cells(risk.Risk.Concerns));
        Assert.Equal(5, risk.Notable.Count);
        var experience = await PackAsync(app, GovernanceStream.PatientExperience, "2026-W46", Digest.OrganisationScope);
        Assert.Equal(5, experience.GoodPractice!.Count);
        Assert.All(experience.GoodPractice.Items, g => Assert.Equal("Kind words", g.Title));
        Assert.DoesNotContain("SeededReportText", risk.ToJson() + experience.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Building_a_period_again_changes_nothing_and_duplicates_nothing()
    {
        var (app, _, _) = await SeededAsync();
        using var __ = app;
        var first = await BuildAsync(app, GovernanceStream.PatientSafety, "2026-W46");
        string before;
        await using (var scope = app.Scope())
        {
            before = string.Join('|', await FailingWellApp.NewDbContext(scope).Digests.OrderBy(d => d.Id).Select(d => d.Content + d.BuiltAtUtc).ToListAsync());
        }

        await Fall(null).SaveAsync(app); // arrives late: the snapshot stays as it was
        var again = await BuildAsync(app, GovernanceStream.PatientSafety, "2026-W46");

        Assert.NotEmpty(first);
        Assert.Empty(again);
        await using var check = app.Scope();
        var after = string.Join('|', await FailingWellApp.NewDbContext(check).Digests.OrderBy(d => d.Id).Select(d => d.Content + d.BuiltAtUtc).ToListAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_missed_weekly_run_is_caught_up_by_the_next_run()
    {
        var (app, _, _) = await SeededAsync();
        using var __ = app;
        await BuildAsync(app, GovernanceStream.PatientSafety, "2026-W44"); // the last run before the site was down

        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<DigestRuns>().RunAsync(PeriodKind.Week, CancellationToken.None);
        }

        await using var check = app.Scope();
        var weeks = (await FailingWellApp.NewDbContext(check).Digests.Where(d => d.ScopeKey == Digest.OrganisationScope)
            .Select(d => new { d.Stream, d.PeriodKey }).ToListAsync()).Select(d => $"{d.Stream} {d.PeriodKey}").ToList();
        foreach (var stream in Enum.GetValues<GovernanceStream>())
        {
            Assert.Contains($"{stream} 2026-W45", weeks);
            Assert.Contains($"{stream} 2026-W46", weeks);
            Assert.DoesNotContain($"{stream} 2026-W47", weeks); // not finished yet
        }
    }

    [Fact]
    public async Task Subscribers_are_emailed_headline_numbers_and_a_link_through_a_real_SMTP_server_with_no_report_text()
    {
        await using var smtp = await SmtpServer.StartAsync();
        var (seeded, a, _) = await SeededAsync();
        seeded.Dispose();
        using var app = new FailingWellApp { Clock = new MovableClock(Wednesday) }
            .With("Email:Smtp:Host", "127.0.0.1").With("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).With("Email:Smtp:Security", "None");
        await Fall(a).SaveAsync(app, times: 6);

        var executive = await Staff.CreateAsync(app, StaffRoles.Executive, withTwoFactor: false, name: "Eve Exec");
        await using (var scope = app.Scope())
        {
            FailingWellApp.NewDbContext(scope).DigestSubscriptions.Add(new DigestSubscription { AccountId = executive.Id, Stream = GovernanceStream.PatientSafety, ScopeKey = Digest.DivisionScope(a) });
            await FailingWellApp.NewDbContext(scope).SaveChangesAsync();
        }

        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<DigestRuns>().RunAsync(PeriodKind.Week, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(CancellationToken.None);
        }

        var message = Assert.Single(smtp.Messages());
        Assert.Contains(executive.Email, message, StringComparison.Ordinal);
        Assert.Contains("Reports: 6", message, StringComparison.Ordinal);
        Assert.Contains("/digests/", message, StringComparison.Ordinal);
        Assert.DoesNotContain("SeededReportText", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_division_with_three_reports_shows_no_count_of_one_to_four_in_its_pack_the_list_or_the_email()
    {
        await using var smtp = await SmtpServer.StartAsync();
        using var app = new FailingWellApp { Clock = new MovableClock(Wednesday) }
            .With("Email:Smtp:Host", "127.0.0.1").With("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).With("Email:Smtp:Security", "None");
        var (_, b) = await ReportBuilder.TwoDivisionsAsync(app);
        await Fall(b).SaveAsync(app, times: 3); // three falls: acknowledgements due, actions and all
        await (Fall(b) with { ReceivedOn = Week46.AddDays(-7) }).SaveAsync(app, times: 2); // the week before: two
        var executive = await Staff.CreateAsync(app, StaffRoles.Executive);
        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            db.DigestSubscriptions.Add(new DigestSubscription { AccountId = executive.Id, Stream = GovernanceStream.PatientSafety, ScopeKey = Digest.DivisionScope(b) });
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<DigestRuns>().RunAsync(PeriodKind.Week, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(CancellationToken.None);
        }

        Assert.Equal(3, (await PackAsync(app, GovernanceStream.PatientSafety, "2026-W46", Digest.DivisionScope(b))).Total); // stored as counted
        var browser = await Staff.SignInAsync(app, executive);
        var list = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri($"/digests?Stream=PatientSafety&Scope={Digest.DivisionScope(b)}", UriKind.Relative)));
        int id;
        await using (var scope = app.Scope())
        {
            id = await FailingWellApp.NewDbContext(scope).Digests.Where(d => d.ScopeKey == Digest.DivisionScope(b) && d.Stream == GovernanceStream.PatientSafety && d.PeriodKey == "2026-W46").Select(d => d.Id).SingleAsync();
        }

        var pack = WebUtility.HtmlDecode(await browser.GetStringAsync(new Uri($"/digests/{id}", UriKind.Relative)));
        var email = Assert.Single(smtp.Messages());

        Assert.Contains("fewer than 5", list, StringComparison.Ordinal);
        Assert.Contains("Reports: fewer than 5 (previous period fewer than 5", email, StringComparison.Ordinal);
        Assert.Contains("fewer than 5</p><p>reports this period", pack, StringComparison.Ordinal);
        foreach (var (page, text) in new[] { ("list", list), ("pack", pack) })
        {
            // Every number shown as a count: a table cell, a headline figure, "N due", "N overdue".
            var shown = System.Text.RegularExpressions.Regex.Matches(text, @"(?:--numeric"">|nhsuk-heading-xl[^>]*>|of |; )(\d+)(?:<| due| overdue)")
                .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotContain(shown, n => n is > 0 and < 5);
            Assert.DoesNotContain("+1)", text, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(@"(Reports|risk|period|periods): [1-4]\b", email);
    }

    [Fact]
    public async Task The_command_line_builds_a_named_period()
    {
        var (app, _, _) = await SeededAsync();
        using var __ = app;
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await CommandLineVerbs.RunAsync(app.Services, ["digests", "build", "--stream", "safety", "--period", "2026-W46"], TextReader.Null, output, error);
        var bad = await CommandLineVerbs.RunAsync(app.Services, ["digests", "build", "--stream", "safety", "--period", "2026-W99"], TextReader.Null, output, error);

        Assert.Equal(0, exit);
        Assert.Contains("Built", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, bad);
        Assert.Contains("--period a week like 2026-W46", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(17, (await PackAsync(app, GovernanceStream.PatientSafety, "2026-W46", Digest.OrganisationScope)).Total);
    }

    [Fact]
    public void A_single_small_cell_takes_the_next_smallest_with_it()
    {
        Assert.Equal([("a", (int?)10), ("b", null), ("c", null)], Cells(Breakdown.Of("t", [("a", 10), ("b", 8), ("c", 3)])));
        Assert.Equal([("a", (int?)10), ("c", null), ("b", null)], Cells(Breakdown.Of("t", [("a", 10), ("b", 2), ("c", 3)])));
        Assert.Equal([("a", (int?)10), ("b", 8)], Cells(Breakdown.Of("t", [("a", 10), ("b", 8), ("z", 0)])));
    }
}
