using FailingWell.Web.Infrastructure.Configuration;
using FailingWell.Web.Infrastructure.Scheduling;

namespace FailingWell.Web.Features.Digests;

public static class DigestsModule
{
    public static WebApplicationBuilder AddFailingWellDigests(this WebApplicationBuilder builder)
    {
        var settings = builder.AddSettings<DigestSettings>(DigestSettings.Section);
        builder.Services.AddScoped<DigestBuilder>();
        builder.Services.AddScoped<DigestRuns>();
        return builder.AddSchedules(quartz => quartz
            .ScheduleInUkTime<WeeklyDigestJob>(WeeklyDigestJob.Key, settings.WeeklyCron)
            .ScheduleInUkTime<MonthlyDigestJob>(MonthlyDigestJob.Key, settings.MonthlyCron));
    }
}
