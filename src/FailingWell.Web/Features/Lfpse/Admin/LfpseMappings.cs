using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Lfpse.Admin;

/// <summary>
/// The admin's LFPSE page: whether LFPSE is connected (never the key), the saved ODS code and mappings as
/// the form to change them, LFPSE's code lists to choose from, and what is still missing.
/// </summary>
public static class LfpseMappings
{
    public sealed record Query : IRequest<Result>;

    public sealed record Item(int Id, string Name, bool IsRetired, string? Within = null);

    /// <param name="Connected">A base URL is set; <paramref name="KeySet"/> says only whether a key is, never what it is.</param>
    /// <param name="ConfiguredOdsCode">The configuration's ODS code, used while none is saved here.</param>
    public sealed record Result(
        bool Connected, string BaseUrl, bool KeySet, string? SavedOdsCode, string? ConfiguredOdsCode, string? OdsName,
        IReadOnlyList<Item> Divisions, IReadOnlyList<Item> Locations, IReadOnlyList<Item> StaffGroups, IReadOnlyList<Item> Categories,
        IReadOnlyList<string> Missing, SaveLfpseMappings.Command Saved);

    public static IReadOnlyList<LfpseCode> Choices(string valueSet) =>
        LfpseTaxonomy.Shipped.Codes(valueSet).OrderBy(c => c.Display, StringComparer.OrdinalIgnoreCase).ToList();

    public sealed class Handler(FailingWellDbContext db, IOptions<LfpseSettings> options) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var settings = options.Value;
            var taxonomy = LfpseTaxonomy.Shipped;
            var saved = await db.Settings.Where(s => s.Key == LfpseDrafts.OdsCodeSetting).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
            var configured = settings.OdsCode.Length > 0 ? settings.OdsCode : null;
            var divisions = await db.Divisions.AsNoTracking().OrderBy(d => d.IsRetired).ThenBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync(cancellationToken);
            var locations = await db.Locations.AsNoTracking().Include(l => l.Division)
                .OrderBy(l => l.IsRetired).ThenBy(l => l.Division!.SortOrder).ThenBy(l => l.Division!.Name).ThenBy(l => l.SortOrder).ThenBy(l => l.Name).ToListAsync(cancellationToken);
            var groups = await db.StaffGroups.AsNoTracking().OrderBy(s => s.IsRetired).ThenBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(cancellationToken);
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.IsRetired).ThenBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(cancellationToken);

            // What the mapper would refuse a report for, for the items reports can still be given.
            var missing = new List<string>();
            var odsCode = saved ?? configured;
            if (!taxonomy.Contains(SaveLfpseMappings.Lists.OdsCodes, odsCode))
            {
                missing.Add("The organisation's ODS code.");
            }

            foreach (var d in divisions.Where(d => !d.IsRetired))
            {
                Need(d.LfpseServiceArea, SaveLfpseMappings.Lists.ServiceArea, $"Division {d.Name}: service area.");
                Need(d.LfpseSpecialty, SaveLfpseMappings.Lists.Specialty, $"Division {d.Name}: specialty.");
            }

            foreach (var l in locations.Where(l => !l.IsRetired))
            {
                Need(l.LfpseLocationWithinService, SaveLfpseMappings.Lists.LocationType, $"Location {l.Name} ({l.Division?.Name}): location type.");
            }

            foreach (var s in groups.Where(s => !s.IsRetired))
            {
                Need(s.LfpseStaffType, SaveLfpseMappings.Lists.StaffType, $"Staff group {s.Name}: staff type.");
            }

            foreach (var c in categories.Where(c => !c.IsRetired))
            {
                Need(c.LfpseInvolvedAgents?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), SaveLfpseMappings.Lists.Agents, $"Category {c.Name}: agents.");
                Need(c.LfpseSafetyChallenges?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), SaveLfpseMappings.Lists.SafetyChallenges, $"Category {c.Name}: safety challenges.");
            }

            var form = new SaveLfpseMappings.Command
            {
                OdsCode = saved,
                Divisions = divisions.Select(d => new SaveLfpseMappings.DivisionMapping { Id = d.Id, ServiceArea = d.LfpseServiceArea, Specialty = d.LfpseSpecialty }).ToList(),
                Locations = locations.Select(l => new SaveLfpseMappings.LocationMapping { Id = l.Id, LocationType = l.LfpseLocationWithinService }).ToList(),
                StaffGroups = groups.Select(s => new SaveLfpseMappings.StaffGroupMapping { Id = s.Id, StaffType = s.LfpseStaffType }).ToList(),
                Categories = categories.Select(c => new SaveLfpseMappings.CategoryMapping { Id = c.Id, Agents = Split(c.LfpseInvolvedAgents), SafetyChallenges = Split(c.LfpseSafetyChallenges) }).ToList(),
            };
            return new Result(
                settings.IsConnected, settings.IsConnected ? settings.BaseUrl : "", settings.SubscriptionKey.Length > 0, saved, configured,
                taxonomy.Display(SaveLfpseMappings.Lists.OdsCodes, odsCode),
                divisions.Select(d => new Item(d.Id, d.Name, d.IsRetired)).ToList(),
                locations.Select(l => new Item(l.Id, l.Name, l.IsRetired, l.Division?.Name)).ToList(),
                groups.Select(s => new Item(s.Id, s.Name, s.IsRetired)).ToList(),
                categories.Select(c => new Item(c.Id, c.Name, c.IsRetired)).ToList(),
                missing,
                form);

            void Need(string? code, string valueSet, string what)
            {
                if (!taxonomy.Contains(valueSet, code))
                {
                    missing.Add(what);
                }
            }
        }

        private static List<string> Split(string? codes) => (codes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
