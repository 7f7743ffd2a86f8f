using FailingWell.Web.Features.Reporting;

namespace FailingWell.Tests.Reporting;

/// <summary>Reports sent at the same moment queue for one writer and are committed together.</summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class ReportIntakeTests
{
    [Fact]
    public async Task Reports_sent_together_get_distinct_references_and_a_double_press_among_them_counts_once()
    {
        using var app = new FailingWellApp();
        var first = await new ReportBuilder().SubmitAsync(app);
        var twice = Guid.NewGuid();
        var submissions = Enumerable.Range(0, 30).Select(i => i < 2 ? twice : Guid.NewGuid()).ToList();

        var results = await Task.WhenAll(submissions.Select(id => SendAsync(app, id)));

        var fresh = results.Where(r => r.IsNew).Select(r => r.Reference).ToList();
        Assert.Equal(29, fresh.Count);
        Assert.Equal(29, fresh.Append(first.Reference).Distinct().Count() - 1);
        Assert.All(fresh, r => Assert.Matches(@"^FW-\d{4}-[0-9A-HJKMNP-TV-Z]{6}$", r));
        Assert.Equal(results[0].Reference, results[1].Reference);
        Assert.Single(results.Take(2), r => r.IsNew);

        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        Assert.Equal(30, await db.Reports.CountAsync());
        Assert.Equal(1, await db.Reports.CountAsync(r => r.SubmissionId == twice));
    }

    [Fact]
    public async Task Consecutive_submissions_get_references_that_are_neither_consecutive_nor_in_order()
    {
        using var app = new FailingWellApp();
        var numbers = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var sent = await new ReportBuilder().SubmitAsync(app);
            numbers.Add((await SavedReports.LoadAsync(app, sent.Id)).ReferenceNumber);
        }

        // Sequential references would let anyone bracket a colleague's report in time, and learn the trust's volume.
        Assert.DoesNotContain(numbers.Zip(numbers.Skip(1)), pair => Math.Abs(pair.First - pair.Second) == 1);
        Assert.NotEqual(numbers.Order().ToList(), numbers);
        Assert.NotEqual(numbers.OrderDescending().ToList(), numbers);
        Assert.Equal(12, numbers.Distinct().Count());
    }

    [Fact]
    public async Task A_report_that_cannot_be_saved_does_not_sink_the_reports_sent_beside_it()
    {
        using var app = new FailingWellApp();
        var good = Enumerable.Range(0, 12).Select(_ => SendAsync(app, Guid.NewGuid())).ToList();
        var intake = app.Services.GetRequiredService<ReportIntake>();
        var broken = intake.AcceptAsync(
            new ReportBuilder { Kind = ReportKind.Concern, WhatHappened = "A category that does not exist.", ReceivedOn = new DateOnly(2026, 1, 1) }
                .ToEntity(categoryId: 999_999, GovernanceStream.RiskAndCompliance),
            escalate: false);

        await Assert.ThrowsAsync<DbUpdateException>(() => broken);
        var sent = await Task.WhenAll(good);

        Assert.All(sent, s => Assert.True(s.IsNew));
        await using var scope = app.Scope();
        Assert.Equal(12, await FailingWellApp.NewDbContext(scope).Reports.CountAsync());
    }

    private static Task<ReportBuilder.Submitted> SendAsync(FailingWellApp app, Guid submissionId) =>
        new ReportBuilder { SubmissionId = submissionId }.SubmitAsync(app);
}
