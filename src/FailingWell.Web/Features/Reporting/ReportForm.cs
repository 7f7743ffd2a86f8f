namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// The lists the report form offers: only items admins have not retired, in their order. Built from
/// four queries, they are kept in memory on each node: every report sent reads them twice, and they
/// change only when an admin edits a list or a setting.
/// </summary>
public static class ReportForm
{
    public sealed record Query : IRequest<Options>, IAnonymousJourney;

    public sealed record Choice(string Value, string Text);

    public sealed record Place(string Division, IReadOnlyList<Choice> Choices);

    public sealed record Options(IReadOnlyList<Place> Places, IReadOnlyList<Choice> Categories, IReadOnlyList<Choice> StaffGroups, string AcknowledgementPromise)
    {
        public static readonly Options Empty = new([], [], [], "");
    }

    /// <summary>"Where" is one list: a location, somewhere in a division, or not sure.</summary>
    public static string LocationValue(int id) => "l:" + Invariant(id);

    public static string DivisionValue(int id) => "d:" + Invariant(id);

    private static string Invariant(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <remarks>
    /// Kept for up to 30 s on each node (<see cref="KeptWhileUnchanged{T}"/>). What is sent is checked
    /// against the database, so a choice retired on another node meanwhile is refused with the usual
    /// message beside its field.
    /// </remarks>
    public sealed class Handler(FailingWellDbContext db, Triage.TriageSettingsSource settings, KeptWhileUnchanged<Options> kept) : IRequestHandler<Query, Options>
    {
        public Task<Options> Handle(Query request, CancellationToken cancellationToken) => kept.GetAsync(() => BuildAsync(cancellationToken));

        private async Task<Options> BuildAsync(CancellationToken cancellationToken)
        {
            var divisions = await db.Divisions.AsNoTracking()
                .Where(d => !d.IsRetired)
                .OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
                .Select(d => new
                {
                    d.Id,
                    d.Name,
                    Locations = d.Locations.Where(l => !l.IsRetired).OrderBy(l => l.SortOrder).ThenBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToList(),
                })
                .ToListAsync(cancellationToken);
            var places = divisions.Select(d => new Place(d.Name,
                    [.. d.Locations.Select(l => new Choice(LocationValue(l.Id), l.Name)), new Choice(DivisionValue(d.Id), $"Somewhere else in {d.Name}")]))
                .ToList();

            var categories = await db.Categories.AsNoTracking()
                .Where(c => !c.IsRetired).OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
                .Select(c => new { c.Id, c.Name })
                .ToListAsync(cancellationToken);
            var staffGroups = await db.StaffGroups.AsNoTracking()
                .Where(s => !s.IsRetired).OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
                .Select(s => new { s.Id, s.Name })
                .ToListAsync(cancellationToken);
            return new Options(places,
                [.. categories.Select(c => new Choice(Invariant(c.Id), c.Name))],
                [.. staffGroups.Select(s => new Choice(Invariant(s.Id), s.Name))],
                (await settings.GetAsync(cancellationToken)).Deadlines.AcknowledgementPromise);
        }
    }
}
