using System.Net.Http.Headers;
using FailingWell.Web.Features.Culture;
using FailingWell.Web.Features.Reporting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FailingWell.Tests.Culture;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class CulturePageTests
{
    // 18 November 2026: October is the last complete month.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly October = new(2026, 10, 1);

    private static ReportBuilder FallIn(int divisionId, DateOnly receivedOn) =>
        new() { Category = "Falls", Where = ReportForm.DivisionValue(divisionId), ReceivedOn = receivedOn };

    private static async Task<CultureView.Result> ViewAsync(FailingWellApp app, string scope)
    {
        await using var s = app.Scope();
        await s.ServiceProvider.GetRequiredService<CultureRollups>().RecountAsync(October.AddMonths(-12), CancellationToken.None);
        return await s.ServiceProvider.GetRequiredService<IMediator>().Send(new CultureView.Query(scope, PeriodKind.Month, 12));
    }

    [Fact]
    public async Task Rates_and_shares_are_counted_from_the_reports_and_denominators_and_small_division_cells_are_suppressed()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Now) };
        var (a, b) = await ReportBuilder.TwoDivisionsAsync(app);
        // Division A in October: 20 reports, 15 no/low harm (10 none near misses... see below), 4 anonymous.
        for (var i = 0; i < 10; i++)
        {
            await (FallIn(a, October.AddDays(i)) with { Kind = ReportKind.NearMiss, PhysicalHarm = PhysicalHarm.None, Then = r => r.IsAnonymous = i < 4 }).SaveAsync(app);
        }

        for (var i = 0; i < 5; i++)
        {
            await (FallIn(a, October.AddDays(i)) with { PhysicalHarm = PhysicalHarm.Low, Then = r => r.IsAnonymous = false }).SaveAsync(app);
        }

        for (var i = 0; i < 5; i++)
        {
            await (FallIn(a, October.AddDays(i)) with
            {
                PhysicalHarm = PhysicalHarm.Moderate, Then = r =>
                {
                    r.IsAnonymous = false;
                    r.AcknowledgedOn = r.ReceivedOn.AddDays(2);
                },
            }).SaveAsync(app);
        }

        for (var i = 0; i < 3; i++)
        {
            await FallIn(b, October.AddDays(i)).SaveAsync(app);
        }

        await using (var scope = app.Scope())
        {
            var db = FailingWellApp.NewDbContext(scope);
            db.Denominators.Add(new Denominator { DivisionId = a, Month = October, BedDays = 4000 });
            db.Denominators.Add(new Denominator { DivisionId = b, Month = October, BedDays = 1000 });
            await db.SaveChangesAsync();
        }

        var division = await ViewAsync(app, $"division:{a}");
        double? Latest(CultureView.Result view, string key) => view.Series.Single(s => s.Measure.Key == key).Points[^1].Value;

        Assert.Equal(20, Latest(division, "reports"));
        Assert.Equal(5.0, Latest(division, "rate")); // 20 / 4,000 x 1,000
        Assert.Equal(75.0, Latest(division, "low-harm")); // 15 of 20
        Assert.Equal(50.0, Latest(division, "near-miss")); // 10 of 20
        Assert.Null(Latest(division, "anonymous")); // 4 of 20: a cell under 5 in a division
        Assert.Equal(2.0, Latest(division, "acknowledge")); // five acknowledged, each in 2 days
        var small = await ViewAsync(app, $"division:{b}");
        Assert.Null(Latest(small, "reports")); // 3 reports
        var organisation = await ViewAsync(app, "org");
        Assert.Equal(23, Latest(organisation, "reports"));
        Assert.Equal(4.6, Latest(organisation, "rate")); // 23 / 5,000 x 1,000
        Assert.Equal(30.4, Latest(organisation, "anonymous")); // 4 in A and B's 3 (anonymous by default) of 23, not suppressed for the organisation
    }

    [Fact]
    public async Task Everyone_who_governs_reads_the_page_and_only_admins_change_its_data()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Now) };
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.StartsWith("http://localhost/account/sign-in", (await anonymous.GetAsync(new Uri("/culture", UriKind.Relative))).Headers.Location!.ToString(), StringComparison.Ordinal);

        var executive = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Executive));
        var page = await executive.GetAsync(new Uri("/culture", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("What has changed", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"fw-spc\"", html, StringComparison.Ordinal);
        var csv = await executive.GetAsync(new Uri("/culture?handler=Csv&measure=reports&Scope=org&Period=Month", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("measure,unit,improvement_direction,target,period_start,value,mean,upper_limit,lower_limit,recalculation_starts,special_cause_rule,high_or_low,variation\nReports received,reports,increase,,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var path in new[] { "/culture/denominators", "/culture/annotations", "/culture/peers" })
        {
            Assert.StartsWith("http://localhost/account/access-denied", (await executive.GetAsync(new Uri(path, UriKind.Relative))).Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(new Uri("/culture?Scope=org&Period=Week", UriKind.Relative))).StatusCode);
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/culture/denominators", UriKind.Relative))).StatusCode);
    }

    private static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(HttpClient client, string path, string csv)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "data.csv");
        var response = await client.PostAsync(new Uri(path + (path.Contains('?', StringComparison.Ordinal) ? "" : ""), UriKind.Relative), form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_denominator_file_with_a_bad_row_imports_nothing_and_names_each_bad_line()
    {
        using var app = new FailingWellApp();
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var (_, bad) = await UploadAsync(admin, "/culture/denominators?handler=Import",
            "division,month,bed_days,staff_wte\nMedicine,2026-10,5120,412.5\nNowhere,2026-10,10,\nSurgery,October,abc,\n");
        Assert.Contains("Line 3: &#x27;Nowhere&#x27; is not a division", bad, StringComparison.Ordinal);
        Assert.Contains("Line 4: &#x27;October&#x27; is not a month like 2026-10", bad, StringComparison.Ordinal);
        Assert.Contains("Line 4: bed days &#x27;abc&#x27; is not a whole number", bad, StringComparison.Ordinal);
        await using (var scope = app.Scope())
        {
            Assert.False(await FailingWellApp.NewDbContext(scope).Denominators.AnyAsync()); // not even the good line
        }

        var (good, _) = await UploadAsync(admin, "/culture/denominators?handler=Import", "division,month,bed_days,staff_wte\nMedicine,2026-10,5120,412.5\nSurgery,2026-10,,300\n");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        await using var check = app.Scope();
        var rows = await FailingWellApp.NewDbContext(check).Denominators.OrderBy(d => d.DivisionId).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.BedDays == 5120 && r.StaffWte == 412.5m);
        Assert.Contains(rows, r => r.BedDays is null && r.StaffWte == 300m);
    }

    [Fact]
    public async Task Peer_rates_import_all_or_nothing_and_place_the_organisation_in_its_peer_group()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(Now) }.With("Organisation:PeerGroup", "Acute (large)");
        var admin = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Admin));

        var (_, bad) = await UploadAsync(admin, "/culture/peers", "organisation,period,rate_per_1000_bed_days,peer_group\nA,2026-10,x,Acute (large)\n");
        Assert.Contains("Line 2: rate &#x27;x&#x27; is not a number", bad, StringComparison.Ordinal);
        var (good, _) = await UploadAsync(admin, "/culture/peers",
            "organisation,period,rate_per_1000_bed_days,peer_group\nA,2026-10,2.0,Acute (large)\nB,2026-10,4.0,Acute (large)\nC,2026-10,6.0,Acute (large)\nD,2026-10,99,Community\n");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);

        var (a, _) = await ReportBuilder.TwoDivisionsAsync(app);
        for (var i = 0; i < 5; i++)
        {
            await FallIn(a, October.AddDays(i)).SaveAsync(app);
        }

        await using (var scope = app.Scope())
        {
            FailingWellApp.NewDbContext(scope).Denominators.Add(new Denominator { DivisionId = a, Month = October, BedDays = 1000 });
            await FailingWellApp.NewDbContext(scope).SaveChangesAsync();
        }

        var peers = (await ViewAsync(app, "org")).Peers!;
        Assert.Equal(5.0, peers.OwnRate);
        Assert.Equal(4.0, peers.Median); // of 2, 4, 6: the community peer is another group
        Assert.Equal(2, peers.Rank); // 6, then 5
        Assert.Equal(4, peers.Of);
        Assert.Equal(67, peers.Percentile); // higher than 2 of 3 peers
    }

    [Fact]
    public async Task A_rise_in_reporting_with_steady_severe_harm_reads_as_more_open_reporting_and_a_fall_as_a_warning()
    {
        static CultureView.Series Series(string key, Variation variation) =>
            new(CultureView.Measures.Single(m => m.Key == key), [], variation, "");
        var others = CultureView.Measures.Where(m => m.Key is not "reports" and not "severe").Select(m => Series(m.Key, Variation.CommonCause)).ToList();

        var rising = CultureView.Summary([Series("reports", Variation.Improvement), Series("severe", Variation.CommonCause), .. others]);
        var falling = CultureView.Summary([Series("reports", Variation.Concern), Series("severe", Variation.Improvement), .. others]);

        Assert.StartsWith("More open reporting", rising[0], StringComparison.Ordinal);
        Assert.StartsWith("Reporting is falling. This is a warning, not a success", falling[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_gives_each_row_its_measure_direction_and_target_and_each_point_its_recalculation_and_rule()
    {
        // SpcTests' 2-of-3 series (12,11 x6, 16,11,16, 12, 7,11,7: mean 11.474, limits 5.119 to 17.828, the 7s
        // at indexes 16 and 18 two of three low), then 9 x6 with limits recalculated from index 19: a baseline
        // of 6 points, too few for limits.
        var measure = CultureView.Measures.Single(m => m.Key == "acknowledge"); // days: down is better
        double?[] values = [12, 11, 12, 11, 12, 11, 12, 11, 12, 11, 12, 11, 16, 11, 16, 12, 7, 11, 7, 9, 9, 9, 9, 9, 9];
        var spc = Spc.Analyse(values, measure.Direction, recalculateFrom: [19], lowest: measure.Lowest, highest: measure.Highest);
        var points = spc.Select((p, i) => new CultureView.Point(new DateOnly(2025, 1, 1).AddMonths(i), "", p.Value, p)).ToList();

        var rows = System.Text.Encoding.UTF8.GetString(SeriesCsv.Write(new CultureView.Series(measure, points, Spc.Latest(spc), ""))).Split('\n');

        Assert.Equal("measure,unit,improvement_direction,target,period_start,value,mean,upper_limit,lower_limit,recalculation_starts,special_cause_rule,high_or_low,variation", rows[0]);
        Assert.Equal("Days to acknowledge,days (median),decrease,,2025-01-01,12,11.474,17.828,5.119,false,none,,CommonCause", rows[1]);
        Assert.Equal("Days to acknowledge,days (median),decrease,,2026-05-01,7,11.474,17.828,5.119,false,two_of_three,low,Improvement", rows[17]);
        Assert.Equal("Days to acknowledge,days (median),decrease,,2026-08-01,9,,,,true,none,,NotEnoughData", rows[20]);
    }
}
