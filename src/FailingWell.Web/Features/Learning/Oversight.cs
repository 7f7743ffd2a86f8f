namespace FailingWell.Web.Features.Learning;

/// <summary>
/// For the board: open responses by type and age, overdue safety actions, and whether reports in each
/// action's measure fell after it ("are repeat incidents reduced?"), with counts of reports of 1 to 4 hidden.
/// </summary>
public static class Oversight
{
    public static readonly IReadOnlyList<(string Name, int FromDays)> AgeBands = [("Under 30 days", 0), ("30 to 59 days", 30), ("60 to 89 days", 60), ("90 days or more", 90)];

    /// <summary>The longest stretch compared either side of an action.</summary>
    public const int MaxCompareDays = 365;

    public sealed record Query : IRequest<View>;

    public sealed record OverdueAction(int Id, string Description, string? Owner, DateOnly DueOn, int ResponseId, string ResponseTitle);

    /// <param name="Before">Reports in the measure over the same number of days before the action, as shown (small numbers hidden).</param>
    public sealed record Repeat(string Theme, int ActionId, string Action, DateOnly StartsOn, int Days, string Before, string After, bool? Fewer);

    public sealed record View(IReadOnlyDictionary<(LearningResponseType Type, string Band), int> Open, IReadOnlyList<OverdueAction> Overdue,
        IReadOnlyList<Repeat> Repeats, JustCulture.Usage JustCulture);

    public static string BandOf(int days) => AgeBands.Last(b => days >= b.FromDays).Name;

    public sealed class Handler(FailingWellDbContext db, UkTime time, IMediator mediator) : IRequestHandler<Query, View>
    {
        public async Task<View> Handle(Query request, CancellationToken cancellationToken)
        {
            var today = time.Today;
            var open = (await db.LearningResponses.AsNoTracking().Where(r => r.Status != LearningResponseStatus.Completed)
                    .GroupBy(r => new { r.Type, r.CreatedOn }).Select(g => new { g.Key.Type, g.Key.CreatedOn, Count = g.Count() }).ToListAsync(cancellationToken))
                .GroupBy(r => (r.Type, BandOf(today.DayNumber - r.CreatedOn.DayNumber))).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
            var overdue = await db.SafetyActions.AsNoTracking().Where(ActionRules.Overdue<SafetyAction>(today)).OrderBy(a => a.DueOn).ThenBy(a => a.Id)
                .Select(a => new OverdueAction(a.Id, a.Description, a.OwnerName, a.DueOn, a.LearningResponseId, a.LearningResponse!.Title)).ToListAsync(cancellationToken);
            var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            var repeats = new List<Repeat>();
            foreach (var action in await db.SafetyActions.AsNoTracking().Where(a => a.StartsOn < today).OrderBy(a => a.MeasureCategoryId).ThenBy(a => a.StartsOn).ToListAsync(cancellationToken))
            {
                // Up to and including today, and the same number of days before the action.
                var days = Math.Min(today.DayNumber - action.StartsOn.DayNumber + 1, MaxCompareDays);
                var before = (await SafetyActionView.MonthlyCountsAsync(db, action, action.StartsOn.AddDays(-days), action.StartsOn, cancellationToken)).Values.Sum();
                var after = (await SafetyActionView.MonthlyCountsAsync(db, action, action.StartsOn, action.StartsOn.AddDays(days), cancellationToken)).Values.Sum();
                var shown = !SmallNumbers.IsHidden(before) && !SmallNumbers.IsHidden(after);
                repeats.Add(new Repeat(categories.GetValueOrDefault(action.MeasureCategoryId, "Other"), action.Id, action.Description, action.StartsOn, days,
                    SmallNumbers.Show(before), SmallNumbers.Show(after), shown ? after < before : null));
            }

            var usage = await mediator.Send(new JustCulture.UsageQuery(today.AddMonths(-12)), cancellationToken);
            return new View(open, overdue, repeats, usage);
        }
    }
}
