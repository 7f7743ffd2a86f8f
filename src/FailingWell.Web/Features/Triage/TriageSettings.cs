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

    /// <summary>The deadlines these settings give a new report.</summary>
    public ReportDeadlines Deadlines => new(AcknowledgeWithinDays, FeedbackWithinMonths);
}

/// <summary>
/// The triage settings in force: the configuration file's, overridden by what an admin has saved
/// at /admin/settings. What was saved is kept on each node (<see cref="KeptWhileUnchanged{T}"/>): every
/// report sent reads the deadlines, and a change on another node shows within 30 s.
/// </summary>
public sealed class TriageSettingsSource(
    FailingWellDbContext db,
    Microsoft.Extensions.Options.IOptions<TriageSettings> defaults,
    KeptWhileUnchanged<TriageSettingsSource.Saved> kept)
{
    /// <summary>The settings an admin saved, by key.</summary>
    public sealed record Saved(IReadOnlyDictionary<string, string> Values);

    public const string AcknowledgeWithinDaysKey = "Triage:AcknowledgeWithinDays";
    public const string FeedbackWithinMonthsKey = "Triage:FeedbackWithinMonths";
    public const string RemoveContactDetailsAfterDaysKey = "Triage:RemoveContactDetailsAfterDays";
    public const string EscalationListKey = "Triage:EscalationList";

    public async Task<TriageSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        var saved = (await kept.GetAsync(async () =>
            new Saved(await db.Settings.Where(s => s.Key.StartsWith("Triage:")).ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken)))).Values;
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
