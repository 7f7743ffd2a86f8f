using Microsoft.AspNetCore.Mvc.ApplicationModels;
using FailingWell.Web.Infrastructure.Configuration;
using FailingWell.Web.Infrastructure.Scheduling;

namespace FailingWell.Web.Features.Digests;

public static class DigestsModule
{
    /// <summary>Digests hold no report text: executives, leads and admins.</summary>
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Digests", Policies.ReadGovernance);
    }

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
