using Microsoft.AspNetCore.Mvc.ApplicationModels;
using FailingWell.Web.Infrastructure.Configuration;
using FailingWell.Web.Infrastructure.Scheduling;

namespace FailingWell.Web.Features.Triage;

public static class TriageModule
{
    /// <summary>The queue and the reports in it: governance leads and admins.</summary>
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Triage", Policies.Triage);
    }

    public static WebApplicationBuilder AddFailingWellTriage(this WebApplicationBuilder builder)
    {
        var settings = builder.AddSettings<TriageSettings>(TriageSettings.Section,
            s => s.AcknowledgeWithinDays > 0 && s.FeedbackWithinMonths > 0 && s.RemoveContactDetailsAfterDays > 0,
            "Triage deadlines and retention must be positive.");
        builder.Services.AddScoped<Escalation>();
        builder.Services.AddScoped<TriageSettingsSource>();
        builder.Services.AddSingleton<KeptWhileUnchanged<TriageSettingsSource.Saved>>();
        builder.Services.AddScoped<OverdueSummary>();
        builder.Services.AddScoped<ContactDetailsRetention>();
        builder.Services.AddSingleton<QueueMemory>();
        return builder.AddSchedules(quartz => quartz
            .ScheduleInUkTime<OverdueSummaryJob>(OverdueSummaryJob.Key, settings.OverdueSummaryCron)
            .ScheduleInUkTime<ContactDetailsRetentionJob>(ContactDetailsRetentionJob.Key, settings.RetentionCron));
    }
}
