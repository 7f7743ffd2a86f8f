namespace FailingWell.Web.Features.Reporting;

/// <summary>The <c>Reporting</c> configuration section.</summary>
public sealed class ReportingSettings
{
    public const string Section = "Reporting";

    /// <summary>Wrong receipt codes one client may enter in an hour before being asked to wait.</summary>
    public int MaxWrongCodesPerHour { get; set; } = 10;

    /// <summary>Reports one client may send in an hour: stops a flood, not a busy ward.</summary>
    public int MaxReportsPerHour { get; set; } = 5;
}

public static class ReportingExtensions
{
    public static WebApplicationBuilder AddFailingWellReporting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportingSettings>().Bind(builder.Configuration.GetSection(ReportingSettings.Section));
        builder.Services.AddSingleton<ClientLimiter>();
        builder.Services.AddSingleton<FollowUpSessions>();
        builder.Services.AddSingleton<Domain.UkTime>();
        return builder;
    }
}
