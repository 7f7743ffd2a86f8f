using Quartz;

namespace FailingWell.Web.Infrastructure.Scheduling;

/// <summary>
/// How every feature schedules its jobs: one helper, so each schedule reads the same way and
/// keeps the same misfire rule. Every job requests recovery: one running on a node that dies is run
/// again by another (each job's effects are safe to repeat: packs, roll-ups and emails happen once).
/// </summary>
public static class Schedules
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Adds jobs to the one clustered scheduler that <see cref="SchedulingExtensions"/> sets up.</summary>
    public static WebApplicationBuilder AddSchedules(this WebApplicationBuilder builder, Action<IQuartzBuilder> schedule)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddQuartz(schedule);
        return builder;
    }

    /// <summary>
    /// A job at the times a cron expression names, read in UK time. Fire-and-proceed: a run missed
    /// while the site was down happens as soon as it is back.
    /// </summary>
    public static IQuartzBuilder ScheduleInUkTime<TJob>(this IQuartzBuilder quartz, JobKey key, string cron)
        where TJob : IJob
    {
        ArgumentNullException.ThrowIfNull(quartz);
        ArgumentNullException.ThrowIfNull(key);
        return quartz.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(key.Name, key.Group)
                .WithCronSchedule(cron, c => c.InTimeZone(London).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
            job => job.WithIdentity(key).RequestRecovery());
    }

    /// <summary>
    /// A job every <paramref name="interval"/>, first after <paramref name="firstAfter"/>. Runs missed
    /// while the site was down are not repeated: the next one does their work.
    /// </summary>
    public static IQuartzBuilder ScheduleEvery<TJob>(this IQuartzBuilder quartz, JobKey key, TimeSpan interval, TimeSpan firstAfter)
        where TJob : IJob
    {
        ArgumentNullException.ThrowIfNull(quartz);
        ArgumentNullException.ThrowIfNull(key);
        return quartz.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(key.Name, key.Group)
                .StartAt(DateTimeOffset.UtcNow + firstAfter)
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            job => job.WithIdentity(key).RequestRecovery());
    }
}
