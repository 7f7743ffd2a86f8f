namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// The lists the report form offers: only items admins have not retired, in their order. Built from
/// four queries, it is kept in memory on each node (<see cref="Kept"/>): every report sent reads it
/// twice, and it changes only when an admin edits a list or a setting.
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

    /// <summary>
    /// The options last built, for as long as this node has changed no list or setting since and at
    /// most <see cref="Lifetime"/>, after which a change made on another node shows here too. What is
    /// sent is checked against the database, so a choice retired elsewhere meanwhile is refused with
    /// the usual message beside its field (docs/decisions/0079).
    /// </summary>
    public sealed class Kept(TimeProvider clock)
    {
        public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

        private volatile Entry? entry;

        private sealed record Entry(long Version, DateTimeOffset Until, Options Options);

        public Options? Find(long version) =>
            entry is { } e && e.Version == version && clock.GetUtcNow() < e.Until ? e.Options : null;

        public void Keep(long version, Options options) =>
            entry = new Entry(version, clock.GetUtcNow() + Lifetime, options);
    }

    public sealed class Handler(FailingWellDbContext db, Triage.TriageSettingsSource settings, Kept kept, ReferenceDataVersion versions) : IRequestHandler<Query, Options>
    {
        public async Task<Options> Handle(Query request, CancellationToken cancellationToken)
        {
            // Read before the lists, so a change committed while they are read is not kept as current.
            var version = versions.Current;
            if (kept.Find(version) is { } options)
            {
                return options;
            }

            options = await BuildAsync(cancellationToken);
            kept.Keep(version, options);
            return options;
        }

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
