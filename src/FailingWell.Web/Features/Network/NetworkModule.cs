using Microsoft.AspNetCore.Mvc.ApplicationModels;
using FailingWell.Web.Features.Network.Hub;
using FailingWell.Web.Features.Network.Member;
using FailingWell.Web.Infrastructure.Configuration;
using FailingWell.Web.Infrastructure.Scheduling;

namespace FailingWell.Web.Features.Network;

/// <summary>
/// The learning network (issue #21): the hub's members, keys and inbox; a member's outbox, pull and
/// library; learning notes. A member's two jobs run only when this site is a member.
/// </summary>
public static class NetworkModule
{
    /// <summary>
    /// The learning network: the hub's pages for its coordinators, notes for leads, the library for more;
    /// a member's link and consent for admins, its peers for governance, peer support offered to it for
    /// executives and admins. The hub's machine API (NetworkApi) signs each request instead.
    /// </summary>
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Network/Hub", Policies.CoordinateNetwork);
        conventions.AuthorizeFolder("/Network/Notes", Policies.Triage);
        conventions.AuthorizeFolder("/Network/Library", Policies.ReadNetworkLibrary);
        conventions.AuthorizePage("/Network/Status", Policies.Administer);
        conventions.AuthorizePage("/Network/Consent", Policies.Administer);
        conventions.AuthorizePage("/Network/Peers", Policies.ReadGovernance);
        conventions.AuthorizePage("/Network/Support", Policies.AnswerNetworkSupport);
    }

    public static WebApplicationBuilder AddFailingWellNetwork(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.AddSettings<NetworkSettings>(NetworkSettings.Section,
            s => s.Role != NetworkRole.Member || s.HubUrl is null || NetworkSettings.IsAllowedHubUrl(s.HubUrl),
            "Network:HubUrl must be an https address (http is allowed only to a loopback address).");
        builder.Services.AddHttpClient(HubClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddScoped<HubClient>();
        builder.Services.AddScoped<NetworkDelivery>();
        builder.Services.AddScoped<PullFromHub>();
        builder.Services.AddSingleton<MemberKeys>();
        if (settings.Role != NetworkRole.Member)
        {
            return builder;
        }

        return builder.AddSchedules(quartz =>
        {
            quartz.ScheduleEvery<NetworkDeliveryJob>(NetworkDeliveryJob.Key,
                TimeSpan.FromSeconds(Math.Max(1, settings.DeliveryIntervalSeconds)), TimeSpan.FromSeconds(Math.Max(1, settings.DeliveryIntervalSeconds)));
            quartz.ScheduleEvery<PullFromHubJob>(PullFromHubJob.Key,
                TimeSpan.FromSeconds(Math.Max(1, settings.PullIntervalSeconds)), TimeSpan.FromSeconds(Math.Max(1, settings.PullIntervalSeconds)));
        });
    }
}
