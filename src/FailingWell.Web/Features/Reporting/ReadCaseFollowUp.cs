namespace FailingWell.Web.Features.Reporting;

/// <summary>What the reporter of a speak-up case sees with their code: where it is up to, the guardian's messages, and the questions asked of them.</summary>
public static class ReadCaseFollowUp
{
    /// <summary>How long after closure the reporter is asked whether they suffered detriment for speaking up.</summary>
    public const int DetrimentCheckInMonths = 3;

    public sealed record View(
        string Reference,
        DateOnly ReceivedOn,
        SpeakUpStatus Status,
        DateOnly? AcknowledgedOn,
        DateOnly? ClosedOn,
        string? Feedback,
        IReadOnlyList<ReadFollowUp.MessageView> Messages,
        bool AskWouldSpeakUpAgain,
        bool AskDetriment,
        string AcknowledgementPromise);

    public sealed record Query(int CaseId) : IRequest<View>, IAnonymousJourney;

    /// <summary>Due when the case has been closed for three months and the reporter has not yet answered.</summary>
    public static bool DetrimentCheckInDue(DateOnly? closedOn, SpeakUpAnswer? answered, DateOnly today) =>
        closedOn is { } closed && answered is null && closed.AddMonths(DetrimentCheckInMonths) <= today;

    public sealed class Handler(FailingWellDbContext db, UkTime time, Triage.TriageSettingsSource settings) : IRequestHandler<Query, View>
    {
        public async Task<View> Handle(Query request, CancellationToken cancellationToken)
        {
            var found = await db.SpeakUpCases.AsNoTracking()
                .Where(c => c.Id == request.CaseId)
                .Select(c => new
                {
                    c.Reference, c.ReceivedOn, c.Status, c.AcknowledgedOn, c.ClosedOn, c.Feedback, c.WouldSpeakUpAgain, c.DetrimentAtCheckIn,
                    Messages = c.Messages.OrderBy(m => m.Id)
                        .Select(m => new ReadFollowUp.MessageView(m.Author, m.StaffName, false, m.Body, m.SentOn, m.SentBand)).ToList(),
                })
                .SingleAsync(cancellationToken);
            return new View(found.Reference, found.ReceivedOn, found.Status, found.AcknowledgedOn, found.ClosedOn, found.Feedback, found.Messages,
                AskWouldSpeakUpAgain: found.Status == SpeakUpStatus.Closed && found.WouldSpeakUpAgain is null,
                AskDetriment: DetrimentCheckInDue(found.ClosedOn, found.DetrimentAtCheckIn, time.Today),
                (await settings.GetAsync(cancellationToken)).Deadlines.AcknowledgementPromise);
        }
    }

    public static string StatusText(SpeakUpStatus status) => status switch
    {
        SpeakUpStatus.New => "Received",
        SpeakUpStatus.Acknowledged => "Read by the guardian",
        SpeakUpStatus.Closed => "Finished",
        _ => status.ToString(),
    };
}
