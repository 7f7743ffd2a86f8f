using Microsoft.AspNetCore.Mvc.ApplicationModels;
using FailingWell.Web.Infrastructure.Configuration;

namespace FailingWell.Web.Features.Reporting;

public static class ReportingModule
{
    /// <summary>Reporting and following up with a receipt code: anyone, signed in or not.</summary>
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AllowAnonymousToFolder("/Reporting");
    }

    public static WebApplicationBuilder AddFailingWellReporting(this WebApplicationBuilder builder)
    {
        builder.AddSettings<ReportingSettings>(ReportingSettings.Section);
        builder.Services.AddSingleton<FollowUpSessions>();
        builder.Services.AddSingleton<ReportIntake>();
        builder.Services.AddSingleton<KeptWhileUnchanged<ReportForm.Options>>();
        builder.Services.AddScoped<SpeakUpIntake>();
        builder.Services.AddScoped<SubmitReport.ListedChoices>();
        builder.Services.AddSingleton<UkTime>();
        builder.Services.AddScoped<FollowUpMessages>();
        return builder;
    }
}
