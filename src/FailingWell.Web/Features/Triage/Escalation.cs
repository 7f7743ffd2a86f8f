using FailingWell.Web.Infrastructure.Email;

namespace FailingWell.Web.Features.Triage;

/// <summary>Tells the escalation list that something needs attention now: a link, never report text.</summary>
public sealed class Escalation(IEmailOutbox outbox, TriageSettingsSource settings, IConfiguration configuration, UkTime time)
{
    private string Site => configuration.SiteBaseUrl();

    /// <summary>
    /// On arrival the email names no report, and waits for the end of the report's time band: its time
    /// would otherwise date an anonymous report within the band (decision 0092). It links to the queue
    /// of reports needing escalation, where leads see the report at once.
    /// </summary>
    public Task NewReportNeedsAttentionAsync() =>
        SendAsync(time.EndOfBandUtc, "A new report needs attention now",
            $"A report with severe harm or death has been received.\n\nOpen the escalated reports: {Site}/triage?Filter.Escalated=true\n\nThis email holds no details of the report, to keep it private.");

    /// <summary>Raised by a lead's grading: the time is the lead's, so the report can be named.</summary>
    public Task GradedReportNeedsAttentionAsync(int reportId, string reference) =>
        SendAsync(null, $"Report {reference} needs attention now",
            $"Report {reference} has been graded as severe harm or extreme risk.\n\nOpen it: {Site}/triage/reports/{reportId}\n\nThis email holds no details of the report, to keep it private.");

    private async Task SendAsync(DateTime? sendAtUtc, string subject, string body)
    {
        foreach (var address in (await settings.GetAsync()).EscalationList.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Enqueue(new EmailMessage(address.Trim(), subject, body) { SendAtUtc = sendAtUtc });
        }
    }
}
