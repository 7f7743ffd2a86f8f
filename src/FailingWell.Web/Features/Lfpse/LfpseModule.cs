using FailingWell.Web.Infrastructure.Configuration;
using FailingWell.Web.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace FailingWell.Web.Features.Lfpse;

/// <summary>Submission of patient safety events to NHS England's LFPSE (docs/lfpse.md, decision 0120).</summary>
public static class LfpseModule
{
    public static WebApplicationBuilder AddFailingWellLfpse(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // In Development with no LFPSE configured, the app's own sandbox receives what would be sent (decision 0124).
        Sandbox.LfpseSandbox.EnableIfWanted(builder);
        var settings = builder.AddSettings<LfpseSettings>(LfpseSettings.Section,
            s => s.TimeoutSeconds > 0 && s.MaxAttempts > 0 && s.Concurrency > 0 && (s.BaseUrl.Length == 0 || s.IsConnected),
            "Lfpse: the timeout, attempts and concurrency must be positive, and BaseUrl empty or an absolute URL.");
        builder.Services.AddTransient<LfpseKeyHandler>();
        // The delivery applies its own timeout, so that a request that takes too long is told apart from one refused.
        builder.Services.AddHttpClient(LfpseClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<LfpseKeyHandler>();
        builder.Services.AddScoped<LfpseClient>();
        builder.Services.AddScoped<LfpseDelivery>();
        if (!settings.IsConnected)
        {
            return builder;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, settings.DeliveryIntervalSeconds));
        return builder.AddSchedules(quartz => quartz.ScheduleEvery<LfpseDeliveryJob>(LfpseDeliveryJob.Key, interval, interval));
    }

    /// <summary>
    /// The lead's confirmation page (Lead/): the same people as the triage report page it belongs to.
    /// The connection, mappings and submissions pages (Admin/, at /admin/lfpse): admins.
    /// </summary>
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Lfpse/Lead", Policies.Triage);
        conventions.AuthorizeFolder("/Lfpse/Admin", Policies.Administer);
    }
}
