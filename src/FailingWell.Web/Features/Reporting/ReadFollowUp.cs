namespace FailingWell.Web.Features.Reporting;

/// <summary>What the reporter sees when they come back with their code: what has happened since, and the conversation.</summary>
public static class ReadFollowUp
{
    public sealed record View(
        string Reference,
        ReportKind Kind,
        DateOnly ReceivedOn,
        ReportStatus Status,
        DateOnly? AcknowledgedOn,
        DateOnly? ClosedOn,
        string? Outcome,
        string? Learning,
        IReadOnlyList<ActionView> Actions,
        IReadOnlyList<MessageView> Messages,
        string AcknowledgementPromise,
        IReadOnlyList<string>? SharedLearning = null);

    public sealed record ActionView(string Description, DateOnly DueOn, DateOnly? CompletedOn);

    public sealed record MessageView(MessageAuthor Author, string? ReviewerName, bool IsAdditionalInformation, string Body, DateOnly SentOn, TimeBand SentBand);

    public sealed record Query(int ReportId) : IRequest<View>, IAnonymousJourney;

    public sealed class Handler(FailingWellDbContext db, Triage.TriageSettingsSource settings) : IRequestHandler<Query, View>
    {
        public async Task<View> Handle(Query request, CancellationToken cancellationToken)
        {
            var report = await db.Reports.AsNoTracking()
                .Where(r => r.Id == request.ReportId)
                .Select(r => new
                {
                    r.Reference, r.Kind, r.ReceivedOn, r.Status, r.AcknowledgedOn, r.ClosedOn, r.OutcomeForReporter, r.Learning,
                    Actions = r.Actions.OrderBy(a => a.DueOn).ThenBy(a => a.Id)
                        .Select(a => new ActionView(a.Description, a.DueOn, a.CompletedOn)).ToList(),
                    Messages = r.Messages.OrderBy(m => m.Id)
                        .Select(m => new MessageView(m.Author, m.StaffName, m.IsAdditionalInformation, m.Body, m.SentOn, m.SentBand)).ToList(),
                })
                .AsSplitQuery()
                .SingleAsync(cancellationToken);
            // The summary of each learning response this report is part of, once the lead has shared it.
            var shared = await db.LearningResponseReports.AsNoTracking().Where(l => l.ReportId == request.ReportId)
                .Join(db.LearningResponses, l => l.LearningResponseId, x => x.Id, (l, x) => x)
                .Where(x => x.SharedOn != null && x.ReporterSummary != null).OrderBy(x => x.Id)
                .Select(x => x.ReporterSummary!).ToListAsync(cancellationToken);
            return new View(report.Reference, report.Kind, report.ReceivedOn, report.Status, report.AcknowledgedOn, report.ClosedOn,
                report.OutcomeForReporter, report.Learning, report.Actions, report.Messages,
                (await settings.GetAsync(cancellationToken)).Deadlines.AcknowledgementPromise, shared);
        }
    }

    public static string StatusText(ReportStatus status) => status switch
    {
        ReportStatus.New => "Received",
        ReportStatus.Acknowledged => "Read by a governance lead",
        ReportStatus.UnderReview => "Being looked into",
        ReportStatus.Closed => "Finished",
        _ => status.ToString(),
    };

    public static string StatusDetail(ReportStatus status, string acknowledgementPromise) => status switch
    {
        ReportStatus.New => $"We have your report. A governance lead will read it, {acknowledgementPromise}.",
        ReportStatus.Acknowledged => "A governance lead has read your report and will decide what to do next.",
        ReportStatus.UnderReview => "Your report is being looked into. You can see below what is being done.",
        ReportStatus.Closed => "We have finished looking into your report. You can see below what happened and what we learned.",
        _ => "",
    };
}
