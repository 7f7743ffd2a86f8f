using FailingWell.Web.Features.Lfpse;

namespace FailingWell.Tests.Lfpse;

/// <summary>A backlog larger than one batch goes in one run of the job, each request once (decision 0124).</summary>
public sealed class LfpseBacklogTests
{
    [Fact]
    public async Task One_run_of_the_job_sends_batch_after_batch_until_nothing_is_due_each_report_once()
    {
        await using var lfpse = await FakeLfpse.StartAsync();
        using var app = new FailingWellApp()
            .With("Lfpse:BaseUrl", lfpse.BaseUrl)
            .With("Lfpse:SubscriptionKey", FakeLfpse.Key)
            .With("Lfpse:OdsCode", LfpseEvents.OdsCode)
            .With("Lfpse:BatchSize", "2")
            .With("Lfpse:Concurrency", "2")
            .With("Lfpse:DeliveryIntervalSeconds", "3600");
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false);
        await LfpseDeliveryTests.MapEverythingAsync(app);
        for (var i = 1; i <= 5; i++)
        {
            var report = await new ReportBuilder().SaveAsync(app);
            await SavedReports.ChangeAsync(app, lead.Id, report.Id, new ConfirmLfpseEvent.Command { Description = $"Backlog event {i}.", LevelOfConcern = "4" });
        }

        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<LfpseDelivery>().DeliverAllDueAsync(CancellationToken.None);

        Assert.Equal(new LfpseDeliveryResult(5, 0, 0), result);
        Assert.Equal(5, lfpse.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(5, lfpse.Stored.Count);
        Assert.All(await FailingWellApp.NewDbContext(scope).LfpseOutbox.AsNoTracking().ToListAsync(), i => Assert.Equal((LfpseState.Sent, 1), (i.Status, i.Attempts)));
    }
}
