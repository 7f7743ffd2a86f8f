namespace FailingWell.Web.Features.Triage;

/// <summary>Everything a governance lead sees of one report. Looking is itself audited.</summary>
public static class ReportView
{
    public sealed record Query(int ReportId, bool RecordView = true) : IRequest<Details?>, IAuditedRequest
    {
        public string ActorAccountId { get; set; } = "";

        public string AuditAction => RecordView ? "Viewed" : "";

        public AuditSubject AuditSubject => AuditSubject.Report(ReportId);
    }

    public sealed record Details(
        int Id, string Reference, Guid Version, ReportStatus Status, ReportKind Kind, string? Title,
        string WhatHappened, string? ImmediateAction, DateOnly OccurredOn, TimeBand OccurredBand,
        DateOnly ReceivedOn, TimeBand ReceivedBand, int? DivisionId, string? Division, string? Location,
        PersonAffected PersonAffected, PhysicalHarm PhysicalHarm, PsychologicalHarm PsychologicalHarm,
        int? Consequence, int? Likelihood, int? RiskScore, RiskRating? Risk,
        string Category, GovernanceStream Stream, string? StaffGroup, bool IsAnonymous, string? ReporterName, string? ReporterEmail,
        bool ContactDetailsRemoved, string? OwnerAccountId, string? OwnerName, DateOnly AcknowledgeBy, DateOnly FeedbackBy,
        DateOnly? AcknowledgedOn, DateOnly? FeedbackGivenOn, DateOnly? ClosedOn, string? Outcome, string? Learning,
        string? DuplicateOf, IReadOnlyList<string> Duplicates,
        IReadOnlyList<ActionItem> Actions, IReadOnlyList<Message> Messages, IReadOnlyList<HistoryItem> History,
        IReadOnlyList<Leads.Lead> Leads, IReadOnlyList<(int Id, string Name)> Divisions,
        bool AcknowledgementOverdue, bool FeedbackOverdue, IReadOnlyList<LearningLink>? LearningResponses = null);

    /// <summary>A PSIRF learning response this report is part of.</summary>
    public sealed record LearningLink(int Id, string Title, LearningResponseType Type, LearningResponseStatus Status);

    public sealed record ActionItem(int Id, string Description, string? OwnerName, DateOnly DueOn, DateOnly? CompletedOn);

    public sealed record Message(MessageAuthor Author, string? ReviewerName, bool IsAdditionalInformation, string Body, DateOnly SentOn, TimeBand SentBand);

    public sealed record HistoryItem(DateTime AtUtc, string? Who, string Action);

    public static string StatusText(ReportStatus status) => status switch
    {
        ReportStatus.New => "New",
        ReportStatus.Acknowledged => "Acknowledged",
        ReportStatus.UnderReview => "Being looked into",
        ReportStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, Details?>
    {
        public async Task<Details?> Handle(Query request, CancellationToken cancellationToken)
        {
            var r = await db.Reports.AsNoTracking()
                .Include(x => x.Division).Include(x => x.Location).Include(x => x.Category).Include(x => x.StaffGroup)
                .Include(x => x.Actions).Include(x => x.Messages)
                .AsSplitQuery()
                .SingleOrDefaultAsync(x => x.Id == request.ReportId, cancellationToken);
            if (r is null)
            {
                return null;
            }

            var owner = r.OwnerAccountId is null ? null
                : await db.Users.OfType<StaffAccount>().Where(u => u.Id == r.OwnerAccountId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
            var duplicateOf = r.DuplicateOfReportId is null ? null
                : await db.Reports.Where(x => x.Id == r.DuplicateOfReportId).Select(x => x.Reference).SingleOrDefaultAsync(cancellationToken);
            var duplicates = await db.Reports.Where(x => x.DuplicateOfReportId == r.Id).OrderBy(x => x.Id).Select(x => x.Reference).ToListAsync(cancellationToken);
            var history = await db.AuditEntries.AsNoTracking().Where(a => a.ReportId == r.Id).OrderByDescending(a => a.Id).Take(200)
                .Select(a => new HistoryItem(a.AtUtc, a.AccountName, a.Action)).ToListAsync(cancellationToken);
            var divisions = (await db.Divisions.AsNoTracking().Where(d => !d.IsRetired || d.Id == r.DivisionId).OrderBy(d => d.SortOrder)
                .Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken)).Select(d => (d.Id, d.Name)).ToList();

            var learning = await db.LearningResponseReports.AsNoTracking().Where(l => l.ReportId == r.Id)
                .Join(db.LearningResponses, l => l.LearningResponseId, x => x.Id, (l, x) => x).OrderBy(x => x.Id)
                .Select(x => new LearningLink(x.Id, x.Title, x.Type, x.Status)).ToListAsync(cancellationToken);

            return new Details(
                r.Id, r.Reference, r.Version, r.Status, r.Kind, r.Title, r.WhatHappened, r.ImmediateAction, r.OccurredOn, r.OccurredBand,
                r.ReceivedOn, r.ReceivedBand, r.DivisionId, r.Division?.Name, r.Location?.Name, r.PersonAffected, r.PhysicalHarm, r.PsychologicalHarm,
                r.RiskConsequence, r.RiskLikelihood, r.RiskScore, r.RiskRating, r.Category!.Name, r.Stream, r.StaffGroup?.Name,
                r.IsAnonymous, r.ReporterName, r.ReporterEmail, r.ContactDetailsRemovedOn is not null, r.OwnerAccountId, owner,
                r.AcknowledgeBy, r.FeedbackBy, r.AcknowledgedOn, r.FeedbackGivenOn, r.ClosedOn, r.OutcomeForReporter, r.Learning,
                duplicateOf, duplicates,
                [.. r.Actions.OrderBy(a => a.DueOn).Select(a => new ActionItem(a.Id, a.Description, a.OwnerName, a.DueOn, a.CompletedOn))],
                [.. r.Messages.OrderBy(m => m.Id).Select(m => new Message(m.Author, m.StaffName, m.IsAdditionalInformation, m.Body, m.SentOn, m.SentBand))],
                history, await Leads.ListAsync(db, cancellationToken), divisions,
                ReportRules.IsAcknowledgementOverdue(r.Status, r.AcknowledgeBy, time.Today),
                ReportRules.IsFeedbackOverdue(r.Status, r.FeedbackBy, r.FeedbackGivenOn, time.Today), learning);
        }
    }
}
