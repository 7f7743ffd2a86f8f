using FailingWell.Web.Infrastructure.Email;
using Quartz;

namespace FailingWell.Web.Infrastructure.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>
    /// Quartz with its ADO.NET job store in FailingWell's own database: schedules survive restarts,
    /// missed runs are caught up, and on a server database several web nodes share one clustered schedule.
    /// </summary>
    public static WebApplicationBuilder AddFailingWellScheduling(this WebApplicationBuilder builder)
    {
        var database = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        var instanceName = builder.Configuration["Scheduling:InstanceName"] ?? "FailingWell";
        var emailInterval = TimeSpan.FromSeconds(
            builder.Configuration.GetValue(EmailSettings.Section + ":" + nameof(EmailSettings.DeliveryIntervalSeconds), 30));

        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = instanceName;
                // Each node names itself, so a cluster can tell its members apart.
                scheduler.GenerateInstanceId = true;
            });
            quartz.UsePersistentStore(store => ConfigureStore(store, database));
            // The scheduler keeps real time even where the application's clock is replaced (tests
            // move that one to make deadlines pass; jobs must not fire because of it).
            quartz.UseTimeProvider(TimeProvider.System);

            quartz.ScheduleEvery<OutboxDeliveryJob>(OutboxDeliveryJob.Key, emailInterval, emailInterval);
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }

    public static void ConfigureStore(IPersistentStoreBuilder store, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(database);
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                store.UseSqlite(database.ConnectionString);
                break;
            case DatabaseProvider.SqlServer:
                store.UseSqlServer(database.ConnectionString);
                break;
            case DatabaseProvider.PostgreSql:
                store.UsePostgres(database.ConnectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, null);
        }

        if (IsClustered(database))
        {
            // Every node shares the schedule; each job runs on one node at a time, and a dead
            // node's jobs are taken over.
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = TimeSpan.FromSeconds(15);
                cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(60);
            });
        }

        store.UseSystemTextJsonSerializer();
        store.ProvisionSchema();
    }

    /// <summary>Clustered on a server database (several nodes); SQLite is one node's database.</summary>
    public static bool IsClustered(DatabaseSettings database) =>
        (database ?? throw new ArgumentNullException(nameof(database))).Provider != DatabaseProvider.Sqlite;
}
