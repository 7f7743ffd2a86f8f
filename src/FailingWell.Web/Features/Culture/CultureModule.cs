using Microsoft.AspNetCore.Mvc.ApplicationModels;
using FailingWell.Web.Infrastructure.Configuration;
using FailingWell.Web.Infrastructure.Scheduling;

namespace FailingWell.Web.Features.Culture;

public static class CultureModule
{
    /// <summary>Culture signals hold no report text: executives, leads and admins read them.</summary>
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Culture", Policies.ReadGovernance);
        // What the signals are measured against is set by admins.
        conventions.AuthorizePage("/Culture/Denominators", Policies.Administer);
        conventions.AuthorizePage("/Culture/Annotations", Policies.Administer);
        conventions.AuthorizePage("/Culture/Peers", Policies.Administer);
        conventions.AuthorizePage("/Culture/Targets", Policies.Administer);
    }

    public static WebApplicationBuilder AddFailingWellCulture(this WebApplicationBuilder builder)
    {
        var settings = builder.AddSettings<CultureSettings>(CultureSettings.Section);
        // The peer group keeps its documented key outside the Culture section; it is read here only.
        builder.Services.AddOptions<CultureSettings>().Configure<IConfiguration>((culture, configuration) =>
            culture.PeerGroup = configuration[CultureSettings.PeerGroupKey]);
        builder.Services.AddScoped<CultureRollups>();
        return builder.AddSchedules(quartz => quartz.ScheduleEvery<CultureRollupJob>(
            CultureRollupJob.Key, TimeSpan.FromSeconds(settings.RollupIntervalSeconds), TimeSpan.FromSeconds(settings.FirstRollupSeconds)));
    }
}
