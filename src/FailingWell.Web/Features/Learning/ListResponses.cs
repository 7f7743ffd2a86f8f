namespace FailingWell.Web.Features.Learning;

/// <summary>/learning: responses by type and status, oldest open first.</summary>
public static class ListResponses
{
    public sealed record Query(LearningResponseType? Type = null, LearningResponseStatus? Status = null) : IRequest<IReadOnlyList<Item>>;

    public sealed record Item(int Id, string Title, LearningResponseType Type, LearningResponseStatus Status, DateOnly CreatedOn, int AgeDays,
        int Reports, int OpenActions, int OverdueActions, bool Shared);

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var today = time.Today;
            var responses = db.LearningResponses.AsNoTracking();
            if (request.Type is { } type)
            {
                responses = responses.Where(r => r.Type == type);
            }

            if (request.Status is { } status)
            {
                responses = responses.Where(r => r.Status == status);
            }

            var rows = await responses.OrderBy(r => r.Status == LearningResponseStatus.Completed).ThenBy(r => r.CreatedOn).ThenBy(r => r.Id).Take(500)
                .Select(r => new
                {
                    r.Id, r.Title, r.Type, r.Status, r.CreatedOn, r.CompletedOn, Shared = r.SharedOn != null,
                    Reports = r.Reports.Count,
                    Open = r.Actions.Count(a => a.CompletedOn == null),
                    Overdue = r.Actions.AsQueryable().Count(ActionRules.Overdue<SafetyAction>(today)),
                })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(r => new Item(r.Id, r.Title, r.Type, r.Status, r.CreatedOn, (r.CompletedOn ?? today).DayNumber - r.CreatedOn.DayNumber,
                r.Reports, r.Open, r.Overdue, r.Shared))];
        }
    }
}
