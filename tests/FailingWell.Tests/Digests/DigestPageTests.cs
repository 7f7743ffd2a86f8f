using FailingWell.Web.Features.Reporting;
using Microsoft.AspNetCore.Mvc.Testing;
using Quartz;

namespace FailingWell.Tests.Digests;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class DigestPageTests
{
    private static readonly DateOnly Week46 = new(2026, 11, 9);

    [Fact]
    public async Task Executives_leads_and_admins_read_digests_only_leads_and_admins_build_them_and_others_are_sent_to_sign_in()
    {
        using var app = new FailingWellApp { Clock = new MovableClock(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero)) };
        var (a, _) = await ReportBuilder.TwoDivisionsAsync(app);
        await new ReportBuilder
        {
            WhatHappened = "SeededReportText must never reach a digest or an email", Category = "Falls", ReceivedOn = Week46, Where = ReportForm.DivisionValue(a),
        }.SaveAsync(app, times: 3);

        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.StartsWith("http://localhost/account/sign-in", (await anonymous.GetAsync(new Uri("/digests", UriKind.Relative))).Headers.Location!.ToString(), StringComparison.Ordinal);

        var lead = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.GovernanceLead));
        var refused = await Forms.PostAsync(lead, "/digests", new Dictionary<string, string> { ["Build.Stream"] = "all", ["Build.Period"] = "2026-W47" });
        Assert.Contains("That period has not finished yet", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var built = await Forms.PostAsync(lead, "/digests", new Dictionary<string, string> { ["Build.Stream"] = "all", ["Build.Period"] = "2026-W46" });
        Assert.Equal(HttpStatusCode.Redirect, built.StatusCode);

        int id;
        await using (var scope = app.Scope())
        {
            id = await FailingWellApp.NewDbContext(scope).Digests.Where(d => d.Stream == GovernanceStream.PatientSafety && d.ScopeKey == Digest.DivisionScope(a)).Select(d => d.Id).SingleAsync();
        }

        var executive = await Staff.SignInAsync(app, await Staff.CreateAsync(app, StaffRoles.Executive));
        var list = await executive.GetStringAsync(new Uri("/digests", UriKind.Relative));
        var page = await executive.GetStringAsync(new Uri($"/digests/{id}", UriKind.Relative));
        Assert.Contains("2026-W46", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Build a period now", list, StringComparison.Ordinal);
        Assert.Contains("Patient safety digest", page, StringComparison.Ordinal);
        Assert.Contains("fewer than 5*", page, StringComparison.Ordinal);
        Assert.DoesNotContain("SeededReportText", page, StringComparison.Ordinal);
        // The page offers an executive no build form: post one anyway, with a token from another page.
        var executivePost = await Forms.PostAsync(executive, "/digests", new Dictionary<string, string> { ["Build.Stream"] = "all", ["Build.Period"] = "2026-W45" }, tokenFrom: "/report");
        Assert.Equal(HttpStatusCode.Redirect, executivePost.StatusCode);
        Assert.StartsWith("http://localhost/account/access-denied", executivePost.Headers.Location!.ToString(), StringComparison.Ordinal);
        await using var check = app.Scope();
        Assert.False(await FailingWellApp.NewDbContext(check).Digests.AnyAsync(d => d.PeriodKey == "2026-W45"));
    }

    [Fact]
    public async Task Weekly_and_monthly_runs_are_in_the_persistent_schedule_on_UK_time()
    {
        using var app = new FailingWellApp();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var weekly = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("weekly-digests", "digests")));
        var monthly = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("monthly-digests", "digests")));

        Assert.Equal("0 0 7 ? * MON", weekly.CronExpressionString);
        Assert.Equal("0 0 7 1 * ?", monthly.CronExpressionString);
        Assert.Equal("Europe/London", weekly.TimeZone.Id);
        Assert.Equal((int)CronTriggerMisfireInstruction.FireAndProceed, (int)weekly.MisfireInstruction);
    }
}
