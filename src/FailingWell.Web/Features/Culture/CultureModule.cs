using FailingWell.Web.Infrastructure.Configuration;
using FailingWell.Web.Infrastructure.Scheduling;

namespace FailingWell.Web.Features.Culture;

public static class CultureModule
{
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
