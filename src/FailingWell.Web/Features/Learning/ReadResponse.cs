namespace FailingWell.Web.Features.Learning;

/// <summary>Everything of one learning response, with the plan version its choice was made under.</summary>
public static class ReadResponse
{
    public sealed record Query(int Id) : IRequest<Details?>;

    public sealed record LinkedReport(int Id, string Reference, string? Title, string Category, PhysicalHarm Harm);

    public sealed record ActionItem(int Id, string Description, string? OwnerName, DateOnly StartsOn, DateOnly DueOn, DateOnly? CompletedOn, bool Overdue, string Measure);

    public sealed record EngagementItem(int Id, EngagedPerson Person, string? Role, DateOnly? OfferedOn, DateOnly? AcceptedOn, DateOnly? MetOn, DateOnly? FindingsSharedOn, string? Notes);

    public sealed record Choice(string Value, string Name);

    public sealed record Details(LearningResponse Response, int? PlanNumber, DateOnly? PlanSavedOn, IReadOnlyList<string> PlanPriorities,
        IReadOnlyList<LinkedReport> Reports, IReadOnlyList<ActionItem> Actions, IReadOnlyList<EngagementItem> Engagements,
        IReadOnlyList<Triage.Leads.Lead> Leads, IReadOnlyList<Choice> Categories, IReadOnlyList<Choice> Divisions, IReadOnlyList<Choice> Locations)
    {
        public IReadOnlyList<string> ParticipantList => Response.Participants?.Split("; ", StringSplitOptions.RemoveEmptyEntries) ?? [];
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, Details?>
    {
        public async Task<Details?> Handle(Query request, CancellationToken cancellationToken)
        {
            var response = await db.LearningResponses.AsNoTracking().Include(r => r.PlanVersion)
                .SingleOrDefaultAsync(r => r.Id == request.Id, cancellationToken);
            if (response is null)
            {
                return null;
            }

            var reports = await db.LearningResponseReports.AsNoTracking().Where(l => l.LearningResponseId == response.Id)
                .OrderBy(l => l.ReportId)
                .Select(l => new LinkedReport(l.ReportId, l.Report!.Reference, l.Report.Title, l.Report.Category!.Name, l.Report.PhysicalHarm))
                .ToListAsync(cancellationToken);
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Name, c.IsRetired }).ToListAsync(cancellationToken);
            var divisions = await db.Divisions.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name, d.IsRetired }).ToListAsync(cancellationToken);
            var locations = await db.Locations.AsNoTracking().OrderBy(l => l.DivisionId).ThenBy(l => l.SortOrder).Select(l => new { l.Id, l.Name, l.IsRetired }).ToListAsync(cancellationToken);
            var actions = await db.SafetyActions.AsNoTracking().Where(a => a.LearningResponseId == response.Id).OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToListAsync(cancellationToken);
            var engagements = await db.Engagements.AsNoTracking().Where(e => e.LearningResponseId == response.Id).OrderBy(e => e.Id)
                .Select(e => new EngagementItem(e.Id, e.Person, e.Role, e.OfferedOn, e.AcceptedOn, e.MetOn, e.FindingsSharedOn, e.Notes)).ToListAsync(cancellationToken);
            var categoryNames = categories.ToDictionary(c => c.Id, c => c.Name);
            var divisionNames = divisions.ToDictionary(d => d.Id, d => d.Name);
            var locationNames = locations.ToDictionary(l => l.Id, l => l.Name);
            var today = time.Today;
            var plan = response.PlanVersion?.Plan;
            return new Details(response, response.PlanVersion?.Number, response.PlanVersion?.SavedOn,
                [.. plan?.LocalPriorities.Select(p => p.Describe()) ?? []],
                reports,
                [.. actions.Select(a => new ActionItem(a.Id, a.Description, a.OwnerName, a.StartsOn, a.DueOn, a.CompletedOn, a.IsOverdue(today),
                    SafetyActionView.DescribeMeasure(a, categoryNames, divisionNames, locationNames)))],
                engagements,
                await Triage.Leads.ListAsync(db, cancellationToken),
                [.. categories.Where(c => !c.IsRetired).Select(c => new Choice(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name))],
                [.. divisions.Where(d => !d.IsRetired).Select(d => new Choice(d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Name))],
                [.. locations.Where(l => !l.IsRetired).Select(l => new Choice(l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Name))]);
        }
    }
}
