namespace FailingWell.Web.Features.SpeakUp;

/// <summary>The guardian's list of cases: open ones first, oldest deadline first. No words of any case.</summary>
public static class CaseList
{
    public sealed record Query(bool IncludeClosed = false) : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(int Id, string Reference, DateOnly ReceivedOn, SpeakUpStatus Status, SpeakUpOpenness Openness, SpeakUpRoute Route,
        DateOnly AcknowledgeBy, DateOnly FeedbackBy, bool AcknowledgementOverdue, bool FeedbackOverdue);

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var today = time.Today;
            var cases = db.SpeakUpCases.AsNoTracking();
            if (!request.IncludeClosed)
            {
                cases = cases.Where(c => c.Status != SpeakUpStatus.Closed);
            }

            var rows = await cases
                .OrderBy(c => c.Status == SpeakUpStatus.Closed).ThenBy(c => c.AcknowledgeBy).ThenBy(c => c.Reference)
                .Select(c => new { c.Id, c.Reference, c.ReceivedOn, c.Status, c.Openness, c.Route, c.AcknowledgeBy, c.FeedbackBy, c.FeedbackGivenOn })
                .Take(500)
                .ToListAsync(cancellationToken);
            return [.. rows.Select(c => new Row(c.Id, c.Reference, c.ReceivedOn, c.Status, c.Openness, c.Route, c.AcknowledgeBy, c.FeedbackBy,
                SpeakUpRules.IsAcknowledgementOverdue(c.Status, c.AcknowledgeBy, today),
                SpeakUpRules.IsFeedbackOverdue(c.Status, c.FeedbackBy, c.FeedbackGivenOn, today)))];
        }
    }
}
