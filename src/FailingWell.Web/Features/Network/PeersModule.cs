using FailingWell.Web.Infrastructure.Scheduling;

namespace FailingWell.Web.Features.Network;

/// <summary>
/// The network's peers part (issue 21): monthly aggregates and the funnel plot, insularity signals with the
/// admins' consent, and peer support offered by the hub's coordinator. CORE's NetworkModule carries the transport.
/// </summary>
public static class PeersModule
{
    /// <summary>Accepting or declining peer support: executives and admins, with an authenticator code.</summary>
    public const string AnswerSupport = "AnswerNetworkSupport";

    public static WebApplicationBuilder AddFailingWellPeers(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ILearningExchangeCounts, LibraryLearningExchange>();
        builder.Services.AddAuthorization(options =>
        {
            options.AddPolicy(AnswerSupport, policy => policy.RequireRole(StaffRoles.Executive, StaffRoles.Admin).AddRequirements(new TwoFactorRequirement()));
        });
        return builder.AddSchedules(quartz => quartz.ScheduleInUkTime<PublishAggregatesJob>(PublishAggregatesJob.Key, PublishAggregatesJob.Cron));
    }
}
