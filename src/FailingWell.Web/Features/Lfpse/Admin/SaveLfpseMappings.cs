namespace FailingWell.Web.Features.Lfpse.Admin;

/// <summary>
/// The organisation's ODS code and the trust's own lists mapped to LFPSE's codes, on one form. Every
/// code is checked against the shipped snapshot, so what is saved is what the mapper can send.
/// </summary>
public static class SaveLfpseMappings
{
    public sealed class Command : Change<Unit>
    {
        /// <summary>Empty: the configuration's <c>Lfpse:OdsCode</c> applies.</summary>
        public string? OdsCode { get; set; }

        public List<DivisionMapping> Divisions { get; set; } = [];

        public List<LocationMapping> Locations { get; set; } = [];

        public List<StaffGroupMapping> StaffGroups { get; set; } = [];

        public List<CategoryMapping> Categories { get; set; } = [];

        public string? NormalisedOdsCode => string.IsNullOrWhiteSpace(OdsCode) ? null : OdsCode.Trim().ToUpperInvariant();
    }

    public sealed class DivisionMapping
    {
        public int Id { get; set; }

        public string? ServiceArea { get; set; }

        public string? Specialty { get; set; }
    }

    public sealed class LocationMapping
    {
        public int Id { get; set; }

        public string? LocationType { get; set; }
    }

    public sealed class StaffGroupMapping
    {
        public int Id { get; set; }

        public string? StaffType { get; set; }
    }

    public sealed class CategoryMapping
    {
        public int Id { get; set; }

        public List<string> Agents { get; set; } = [];

        public List<string> SafetyChallenges { get; set; } = [];
    }

    /// <summary>LFPSE's value sets each mapping chooses from.</summary>
    public static class Lists
    {
        public const string OdsCodes = "ods-codes";
        public const string ServiceArea = "service-type";
        public const string Specialty = "specialty";
        public const string LocationType = "incident-location";
        public const string StaffType = "staff-type";
        public const string Agents = "agent-type";
        public const string SafetyChallenges = "safety-challenges";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            var taxonomy = LfpseTaxonomy.Shipped;
            RuleFor(c => c.OdsCode).Cascade(CascadeMode.Stop)
                .Must((c, _) => c.NormalisedOdsCode is null || (c.NormalisedOdsCode.Length <= 10 && c.NormalisedOdsCode.All(char.IsAsciiLetterOrDigit)))
                .WithMessage("Enter the organisation's ODS code in letters and digits only, for example RRV")
                .Must((c, _) => c.NormalisedOdsCode is null || taxonomy.Contains(Lists.OdsCodes, c.NormalisedOdsCode))
                .WithMessage(c => $"{c.NormalisedOdsCode} is not in LFPSE's list of organisations shipped with FailingWell: check the code with NHS England's ODS");
            RuleForEach(c => c.Divisions).ChildRules(d =>
            {
                d.RuleFor(x => x.ServiceArea).Must(code => Known(Lists.ServiceArea, code)).WithMessage("Choose a service area from LFPSE's list");
                d.RuleFor(x => x.Specialty).Must(code => Known(Lists.Specialty, code)).WithMessage("Choose a specialty from LFPSE's list");
            });
            RuleForEach(c => c.Locations).ChildRules(l =>
                l.RuleFor(x => x.LocationType).Must(code => Known(Lists.LocationType, code)).WithMessage("Choose a location type from LFPSE's list"));
            RuleForEach(c => c.StaffGroups).ChildRules(s =>
                s.RuleFor(x => x.StaffType).Must(code => Known(Lists.StaffType, code)).WithMessage("Choose a staff type from LFPSE's list"));
            RuleForEach(c => c.Categories).ChildRules(c =>
            {
                c.RuleFor(x => x.Agents).Must(codes => codes.All(code => Known(Lists.Agents, code))).WithMessage("Choose agents from LFPSE's list");
                c.RuleFor(x => x.SafetyChallenges).Must(codes => codes.All(code => Known(Lists.SafetyChallenges, code))).WithMessage("Choose safety challenges from LFPSE's list");
            });
        }

        private static bool Known(string valueSet, string? code) => string.IsNullOrWhiteSpace(code) || LfpseTaxonomy.Shipped.Contains(valueSet, code.Trim());
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var changed = new List<string>();
            var setting = await db.Settings.SingleOrDefaultAsync(s => s.Key == LfpseDrafts.OdsCodeSetting, cancellationToken);
            var odsCode = request.NormalisedOdsCode;
            if (odsCode is null && setting is not null)
            {
                db.Settings.Remove(setting);
                changed.Add("ODS code cleared");
            }
            else if (odsCode is not null && setting is null)
            {
                db.Settings.Add(new Setting { Key = LfpseDrafts.OdsCodeSetting, Value = odsCode });
                changed.Add("ODS code " + odsCode);
            }
            else if (odsCode is not null && setting!.Value != odsCode)
            {
                setting.Value = odsCode;
                changed.Add("ODS code " + odsCode);
            }

            // Rows posted for an item that is not there (gone meanwhile, or never was) change nothing.
            var divisions = await db.Divisions.ToDictionaryAsync(d => d.Id, cancellationToken);
            foreach (var posted in request.Divisions)
            {
                if (divisions.TryGetValue(posted.Id, out var division)
                    && (Set(division.LfpseServiceArea, posted.ServiceArea, v => division.LfpseServiceArea = v)
                        | Set(division.LfpseSpecialty, posted.Specialty, v => division.LfpseSpecialty = v)))
                {
                    changed.Add("division " + division.Name);
                }
            }

            var locations = await db.Locations.ToDictionaryAsync(l => l.Id, cancellationToken);
            foreach (var posted in request.Locations)
            {
                if (locations.TryGetValue(posted.Id, out var location) && Set(location.LfpseLocationWithinService, posted.LocationType, v => location.LfpseLocationWithinService = v))
                {
                    changed.Add("location " + location.Name);
                }
            }

            var groups = await db.StaffGroups.ToDictionaryAsync(s => s.Id, cancellationToken);
            foreach (var posted in request.StaffGroups)
            {
                if (groups.TryGetValue(posted.Id, out var group) && Set(group.LfpseStaffType, posted.StaffType, v => group.LfpseStaffType = v))
                {
                    changed.Add("staff group " + group.Name);
                }
            }

            var categories = await db.Categories.ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var posted in request.Categories)
            {
                if (categories.TryGetValue(posted.Id, out var category)
                    && (Set(category.LfpseInvolvedAgents, Joined(posted.Agents), v => category.LfpseInvolvedAgents = v)
                        | Set(category.LfpseSafetyChallenges, Joined(posted.SafetyChallenges), v => category.LfpseSafetyChallenges = v)))
                {
                    changed.Add("category " + category.Name);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            var action = changed.Count == 0 ? "Saved LFPSE mappings (no change)" : "Changed LFPSE mappings: " + string.Join(", ", changed.Distinct());
            request.AuditAction = action.Length <= 400 ? action : action[..397] + "...";
            return Unit.Value;
        }

        private static bool Set(string? current, string? posted, Action<string?> set)
        {
            var value = string.IsNullOrWhiteSpace(posted) ? null : posted.Trim();
            if (current == value)
            {
                return false;
            }

            set(value);
            return true;
        }

        /// <summary>Space-separated (as the mapper reads them), each once, in a stable order so a save with no change is no change.</summary>
        private static string? Joined(IEnumerable<string> codes)
        {
            var chosen = codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
            return chosen.Count == 0 ? null : string.Join(' ', chosen.OrderBy(c => c, StringComparer.Ordinal));
        }
    }
}
