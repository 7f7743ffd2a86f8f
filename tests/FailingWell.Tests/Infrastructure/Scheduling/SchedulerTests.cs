using FailingWell.Web.Infrastructure.Email;
using Microsoft.Data.Sqlite;
using Quartz;

namespace FailingWell.Tests.Infrastructure.Scheduling;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class SchedulerTests
{
    [Fact]
    public async Task A_job_scheduled_in_the_persistent_store_runs()
    {
        using var app = new FailingWellApp();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await using (var scope = app.Scope())
        {
            scope.ServiceProvider.GetRequiredService<IEmailOutbox>()
                .Enqueue(new EmailMessage("lead@trust.nhs.uk", "Scheduled delivery", "A link, no report text."));
            await FailingWellApp.NewDbContext(scope).SaveChangesAsync();
        }

        var metaData = await scheduler.GetMetadata();
        Assert.True(metaData.JobStorePersistent, "the scheduler must use the database job store");
        await scheduler.TriggerJob(OutboxDeliveryJob.Key);

        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(30),
            () => Task.FromResult(Directory.Exists(app.MailFolder) && Directory.GetFiles(app.MailFolder, "*.eml").Length == 1)),
            "the outbox delivery job did not run");

        // The job and its trigger are rows in the application's own database.
        await using var connection = await DatabaseRows.OpenAsync(app);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM qrtz_job_details WHERE job_name = 'outbox-delivery'";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }
}
