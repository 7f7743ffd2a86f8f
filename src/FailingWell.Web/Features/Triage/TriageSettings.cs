using FailingWell.Web.Domain;
using FailingWell.Web.Infrastructure.Email;
using Quartz;

namespace FailingWell.Web.Features.Triage;

/// <summary>The <c>Triage</c> configuration section: deadlines, the escalation list and retention.</summary>
public sealed class TriageSettings
{
    public const string Section = "Triage";

    /// <summary>Acknowledge within this many days (EU Whistleblowing Directive: 7).</summary>
    public int AcknowledgeWithinDays { get; set; } = 7;

    /// <summary>Give the reporter feedback within this many months (the Directive: 3).</summary>
    public int FeedbackWithinMonths { get; set; } = 3;

    /// <summary>Who is told at once about severe or fatal harm, or a risk score of 15 or more.</summary>
    public List<string> EscalationList { get; set; } = [];

    /// <summary>A named reporter's contact details are removed this many days after closure.</summary>
    public int RemoveContactDetailsAfterDays { get; set; } = 365;

    /// <summary>When the daily overdue summary goes to each lead (cron, UK time).</summary>
    public string OverdueSummaryCron { get; set; } = "0 0 7 * * ?";

    /// <summary>When the nightly retention job runs (cron, UK time).</summary>
    public string RetentionCron { get; set; } = "0 30 2 * * ?";

    public const int EscalationRiskScore = 15;

    public static bool NeedsEscalation(PhysicalHarm harm, int? riskScore) =>
        harm >= PhysicalHarm.Severe || riskScore >= EscalationRiskScore;
}

/// <summary>
/// The triage settings in force: the configuration file's, overridden by what an admin has saved
/// at /admin/settings.
/// </summary>
public sealed class TriageSettingsSource(Infrastructure.Data.FailingWellDbContext db, Microsoft.Extensions.Options.IOptions<TriageSettings> defaults)
{
    public const string AcknowledgeWithinDaysKey = "Triage:AcknowledgeWithinDays";
    public const string FeedbackWithinMonthsKey = "Triage:FeedbackWithinMonths";
    public const string RemoveContactDetailsAfterDaysKey = "Triage:RemoveContactDetailsAfterDays";
    public const string EscalationListKey = "Triage:EscalationList";

    public async Task<TriageSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        var saved = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            db.Settings.Where(s => s.Key.StartsWith("Triage:")), s => s.Key, s => s.Value, cancellationToken);
        var d = defaults.Value;
        int Number(string key, int fallback) =>
            saved.TryGetValue(key, out var text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
        return new TriageSettings
        {
            AcknowledgeWithinDays = Number(AcknowledgeWithinDaysKey, d.AcknowledgeWithinDays),
            FeedbackWithinMonths = Number(FeedbackWithinMonthsKey, d.FeedbackWithinMonths),
            RemoveContactDetailsAfterDays = Number(RemoveContactDetailsAfterDaysKey, d.RemoveContactDetailsAfterDays),
            EscalationList = saved.TryGetValue(EscalationListKey, out var list)
                ? [.. list.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : d.EscalationList,
            OverdueSummaryCron = d.OverdueSummaryCron,
            RetentionCron = d.RetentionCron,
        };
    }
}

/// <summary>Tells the escalation list that something needs attention now: a link, never report text.</summary>
public sealed class Escalation(IEmailOutbox outbox, TriageSettingsSource settings, IConfiguration configuration)
{
    private string Site => configuration.SiteBaseUrl();

    /// <summary>
    /// On arrival the email names no report: its send time would otherwise date an anonymous report
    /// to the second. It links to the queue of reports needing escalation.
    /// </summary>
    public Task NewReportNeedsAttentionAsync() =>
        SendAsync("A new report needs attention now",
            $"A report with severe or fatal harm has just been received.\n\nOpen the escalated reports: {Site}/triage?Filter.Escalated=true\n\nThis email holds no details of the report, to keep it private.");

    /// <summary>Raised by a lead's grading: the time is the lead's, so the report can be named.</summary>
    public Task GradedReportNeedsAttentionAsync(int reportId, string reference) =>
        SendAsync($"Report {reference} needs attention now",
            $"Report {reference} has been graded as severe harm or extreme risk.\n\nOpen it: {Site}/triage/reports/{reportId}\n\nThis email holds no details of the report, to keep it private.");

    private async Task SendAsync(string subject, string body)
    {
        foreach (var address in (await settings.GetAsync()).EscalationList.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Enqueue(new EmailMessage(address.Trim(), subject, body));
        }
    }
}

public static class TriageExtensions
{
    public static WebApplicationBuilder AddFailingWellTriage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TriageSettings>()
            .Bind(builder.Configuration.GetSection(TriageSettings.Section))
            .Validate(s => s.AcknowledgeWithinDays > 0 && s.FeedbackWithinMonths > 0 && s.RemoveContactDetailsAfterDays > 0,
                "Triage deadlines and retention must be positive.")
            .ValidateOnStart();
        builder.Services.AddScoped<Escalation>();
        builder.Services.AddScoped<TriageSettingsSource>();
        builder.Services.AddScoped<OverdueSummary>();
        builder.Services.AddScoped<ContactDetailsRetention>();

        var settings = builder.Configuration.GetSection(TriageSettings.Section).Get<TriageSettings>() ?? new TriageSettings();
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        builder.Services.AddQuartz(quartz =>
        {
            quartz.ScheduleJob<OverdueSummaryJob>(
                trigger => trigger.WithIdentity("overdue-summary", "triage")
                    .WithCronSchedule(settings.OverdueSummaryCron, cron => cron.InTimeZone(london).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                job => job.WithIdentity(OverdueSummaryJob.Key));
            quartz.ScheduleJob<ContactDetailsRetentionJob>(
                trigger => trigger.WithIdentity("contact-details-retention", "triage")
                    .WithCronSchedule(settings.RetentionCron, cron => cron.InTimeZone(london).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                job => job.WithIdentity(ContactDetailsRetentionJob.Key));
        });
        return builder;
    }
}
