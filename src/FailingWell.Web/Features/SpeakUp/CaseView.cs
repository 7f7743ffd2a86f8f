namespace FailingWell.Web.Features.SpeakUp;

/// <summary>Everything a guardian sees of one case. Every look is audited, by the case's reference only.</summary>
public static class CaseView
{
    public sealed record Query(int CaseId, bool RecordView = true) : IRequest<Details?>, IAuditedRequest
    {
        public string ActorAccountId { get; set; } = "";

        public string AuditAction => RecordView ? "Viewed a speak-up case" : "";

        public AuditSubject AuditSubject => AuditSubject.SpeakUpCase(CaseId);
    }

    public sealed record Choice(int Id, string Name);

    public sealed record Details(
        int Id, string Reference, Guid Version, SpeakUpStatus Status, SpeakUpRoute Route, string WhatIsTheConcern,
        string? Division, string? Location, SpeakUpOpenness Openness, string? ReporterName, string? ReporterEmail, WhyAnonymous? WhyAnonymous,
        DateOnly ReceivedOn, TimeBand ReceivedBand, DateOnly AcknowledgeBy, DateOnly FeedbackBy, DateOnly? AcknowledgedOn, DateOnly? FeedbackGivenOn, DateOnly? ClosedOn,
        bool PatientSafetyElement, bool WorkerSafetyElement, bool BullyingElement, bool BehaviourElement,
        int? StaffGroupId, bool DetrimentIndicated, string? ActionsTaken, string? Feedback,
        SpeakUpAnswer? WouldSpeakUpAgain, SpeakUpAnswer? DetrimentAtCheckIn, DateOnly? HandedOverOn,
        IReadOnlyList<Reporting.ReadFollowUp.MessageView> Messages,
        IReadOnlyList<Choice> StaffGroups, IReadOnlyList<Choice> Categories,
        bool AcknowledgementOverdue, bool FeedbackOverdue);

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, Details?>
    {
        public async Task<Details?> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = await db.SpeakUpCases.AsNoTracking()
                .Include(x => x.Division).Include(x => x.Location).Include(x => x.Messages)
                .AsSplitQuery()
                .SingleOrDefaultAsync(x => x.Id == request.CaseId, cancellationToken);
            if (c is null)
            {
                return null;
            }

            var staffGroups = await db.StaffGroups.AsNoTracking().Where(s => !s.IsRetired || s.Id == c.StaffGroupId)
                .OrderBy(s => s.SortOrder).ThenBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(cancellationToken);
            var categories = await db.Categories.AsNoTracking().Where(x => !x.IsRetired)
                .OrderBy(x => x.SortOrder).ThenBy(x => x.Name).Select(x => new Choice(x.Id, x.Name)).ToListAsync(cancellationToken);
            var today = time.Today;
            return new Details(
                c.Id, c.Reference, c.Version, c.Status, c.Route, c.WhatIsTheConcern, c.Division?.Name, c.Location?.Name,
                c.Openness, c.ReporterName, c.ReporterEmail, c.WhyAnonymous,
                c.ReceivedOn, c.ReceivedBand, c.AcknowledgeBy, c.FeedbackBy, c.AcknowledgedOn, c.FeedbackGivenOn, c.ClosedOn,
                c.PatientSafetyElement, c.WorkerSafetyElement, c.BullyingElement, c.BehaviourElement,
                c.StaffGroupId, c.DetrimentIndicated, c.ActionsTaken, c.Feedback, c.WouldSpeakUpAgain, c.DetrimentAtCheckIn, c.HandedOverOn,
                [.. c.Messages.OrderBy(m => m.Id).Select(m => new Reporting.ReadFollowUp.MessageView(m.Author, m.StaffName, false, m.Body, m.SentOn, m.SentBand))],
                staffGroups, categories,
                SpeakUpRules.IsAcknowledgementOverdue(c.Status, c.AcknowledgeBy, today),
                SpeakUpRules.IsFeedbackOverdue(c.Status, c.FeedbackBy, c.FeedbackGivenOn, today));
        }
    }
}
