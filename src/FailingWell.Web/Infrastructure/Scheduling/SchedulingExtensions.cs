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
        var instanceId = builder.Configuration["Scheduling:InstanceId"];
        var emailInterval = TimeSpan.FromSeconds(
            builder.Configuration.GetValue(EmailSettings.Section + ":" + nameof(EmailSettings.DeliveryIntervalSeconds), 30));

        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = instanceName;
                // Each node names itself, so a cluster can tell its members apart: its host name and
                // start time, unless the deployment gives each node a name of its own.
                if (string.IsNullOrWhiteSpace(instanceId))
                {
                    scheduler.GenerateInstanceId = true;
                }
                else
                {
                    scheduler.InstanceId = instanceId;
                }
            });
            quartz.UsePersistentStore(store => ConfigureStore(store, database, ClusterTimings.From(builder.Configuration)));
            // The scheduler keeps real time even where the application's clock is replaced (tests
            // move that one to make deadlines pass; jobs must not fire because of it).
            quartz.UseTimeProvider(TimeProvider.System);

            quartz.ScheduleEvery<OutboxDeliveryJob>(OutboxDeliveryJob.Key, emailInterval, emailInterval);
            // Each run's node, times and outcome for /admin/jobs (decision 0107).
            quartz.AddJobListener<JobRunRecorder>();
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }

    public static void ConfigureStore(IPersistentStoreBuilder store, DatabaseSettings database, ClusterTimings? timings = null)
    {
        timings ??= new ClusterTimings(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60));
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
            // node's jobs are taken over (every job requests recovery: Schedules) once it has missed
            // its check-in by the threshold.
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = timings.CheckinInterval;
                cluster.CheckinMisfireThreshold = timings.CheckinMisfireThreshold;
            });
        }

        store.UseSystemTextJsonSerializer();
        // Each run, which node ran it and how it ended, kept in the database (trimmed by Quartz): what
        // operations look at after a failover, and how the tests prove each firing ran once.
        store.UseExecutionHistory();
        store.ProvisionSchema();
    }

    /// <summary>Clustered on a server database (several nodes); SQLite is one node's database.</summary>
    public static bool IsClustered(DatabaseSettings database) =>
        (database ?? throw new ArgumentNullException(nameof(database))).Provider != DatabaseProvider.Sqlite;
}

/// <summary>
/// How often a clustered node checks in, and how late a check-in may be before the others take its
/// jobs over (<c>Scheduling:CheckinIntervalSeconds</c>, default 15; <c>Scheduling:CheckinMisfireThresholdSeconds</c>,
/// default 60). Shorter finds a dead node sooner; too short takes over from a node that is only slow.
/// </summary>
public sealed record ClusterTimings(TimeSpan CheckinInterval, TimeSpan CheckinMisfireThreshold)
{
    public static ClusterTimings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(
            TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Scheduling:CheckinIntervalSeconds", 15))),
            TimeSpan.FromSeconds(Math.Max(2, configuration.GetValue("Scheduling:CheckinMisfireThresholdSeconds", 60))));
    }
}
