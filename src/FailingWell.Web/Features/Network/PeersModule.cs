using FailingWell.Web.Features.Network.Member;
using FailingWell.Web.Infrastructure.Scheduling;

namespace FailingWell.Web.Features.Network;

/// <summary>
/// The network's peers part (issue 21): monthly aggregates and the funnel plot, insularity signals with the
/// admins' consent, and peer support offered by the hub's coordinator. CORE's NetworkModule carries the transport.
/// </summary>
public static class PeersModule
{
    public static WebApplicationBuilder AddFailingWellPeers(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ILearningExchangeCounts, LibraryLearningExchange>();
        return builder.AddSchedules(quartz => quartz.ScheduleInUkTime<PublishAggregatesJob>(PublishAggregatesJob.Key, PublishAggregatesJob.Cron));
    }
}
