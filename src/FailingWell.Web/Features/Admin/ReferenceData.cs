namespace FailingWell.Web.Features.Admin;

/// <summary>
/// The four lists behind the report form. Items are added, renamed, reordered and retired, never
/// deleted: old reports keep (and still count under) what they were filed under.
/// </summary>
public static class ReferenceLists
{
    public const string Divisions = "divisions";
    public const string Locations = "locations";
    public const string Categories = "categories";
    public const string StaffGroups = "staff-groups";

    public static readonly IReadOnlyList<string> All = [Divisions, Locations, Categories, StaffGroups];

    public static string Singular(string list) => list switch
    {
        Divisions => "division",
        Locations => "location",
        Categories => "category",
        StaffGroups => "staff group",
        _ => "item",
    };

    public static IQueryable<ReferenceItem> Items(FailingWellDbContext db, string list) => list switch
    {
        Divisions => db.Divisions,
        Locations => db.Locations,
        Categories => db.Categories,
        StaffGroups => db.StaffGroups,
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    /// <summary>Items that share a name space: locations within their division, the others in their list.</summary>
    public static IQueryable<ReferenceItem> Siblings(FailingWellDbContext db, string list, int? divisionId) =>
        list == Locations ? db.Locations.Where(l => l.DivisionId == divisionId) : Items(db, list);

    public sealed record Query : IRequest<View>;

    public sealed record Item(int Id, string Name, bool IsRetired, string? Detail);

    public sealed record View(IReadOnlyList<Item> Divisions, IReadOnlyList<(Item Division, IReadOnlyList<Item> Locations)> Locations, IReadOnlyList<Item> Categories, IReadOnlyList<Item> StaffGroups);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, View>
    {
        public async Task<View> Handle(Query request, CancellationToken cancellationToken)
        {
            var divisions = await db.Divisions.AsNoTracking().Include(d => d.Locations).OrderBy(d => d.SortOrder).ThenBy(d => d.Id).ToListAsync(cancellationToken);
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
            var groups = await db.StaffGroups.AsNoTracking().OrderBy(g => g.SortOrder).ThenBy(g => g.Id).ToListAsync(cancellationToken);
            return new View(
                [.. divisions.Select(d => new Item(d.Id, d.Name, d.IsRetired, null))],
                [.. divisions.Select(d => (new Item(d.Id, d.Name, d.IsRetired, null),
                    (IReadOnlyList<Item>)[.. d.Locations.OrderBy(l => l.SortOrder).ThenBy(l => l.Id).Select(l => new Item(l.Id, l.Name, l.IsRetired, null))]))],
                [.. categories.Select(c => new Item(c.Id, c.Name, c.IsRetired, c.DefaultStream.Describe()))],
                [.. groups.Select(g => new Item(g.Id, g.Name, g.IsRetired, g.IsNonClinical ? "Non-clinical" : null))]);
        }
    }
}

public static class AddReferenceItem
{
    public sealed class Command : AdminChange<int>
    {
        public string List { get; set; } = "";

        public string? Name { get; set; }

        public int? DivisionId { get; set; }

        public GovernanceStream? Stream { get; set; }

        public bool NonClinical { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.List).Must(l => ReferenceLists.All.Contains(l)).WithMessage("Choose a list");
            RuleFor(c => c.Name)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(c => $"Enter a name for the new {ReferenceLists.Singular(c.List)}")
                .MaximumLength(100).WithMessage("The name must be 100 characters or fewer")
                .MustAsync(async (c, name, ct) => string.IsNullOrWhiteSpace(name) || !ReferenceLists.All.Contains(c.List)
                    || !await ReferenceLists.Siblings(db, c.List, c.DivisionId).AnyAsync(i => i.Name == name.Trim(), ct))
                .WithMessage(c => $"There is already a {ReferenceLists.Singular(c.List)} called '{c.Name?.Trim()}'");
            When(c => c.List == ReferenceLists.Locations, () =>
                RuleFor(c => c.DivisionId).MustAsync(async (id, ct) => id is not null && await db.Divisions.AnyAsync(d => d.Id == id, ct))
                    .WithMessage("Choose the division the location is in"));
            When(c => c.List == ReferenceLists.Categories, () =>
                RuleFor(c => c.Stream).Cascade(CascadeMode.Stop).NotNull().WithMessage("Choose the category's stream").IsInEnum().WithMessage("Choose the category's stream"));
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var name = request.Name!.Trim();
            var next = (await ReferenceLists.Siblings(db, request.List, request.DivisionId).MaxAsync(i => (int?)i.SortOrder, cancellationToken) ?? 0) + 1;
            ReferenceItem item = request.List switch
            {
                ReferenceLists.Divisions => new Division(),
                ReferenceLists.Locations => new Location { DivisionId = request.DivisionId!.Value },
                ReferenceLists.Categories => new Category { DefaultStream = request.Stream!.Value },
                _ => new StaffGroup { IsNonClinical = request.NonClinical },
            };
            item.Name = name;
            item.SortOrder = next;
            db.Add(item);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditDescription = $"Added {ReferenceLists.Singular(request.List)} '{name}'";
            return item.Id;
        }
    }
}

/// <summary>Rename, move up or down, retire or restore one item.</summary>
public static class ChangeReferenceItem
{
    public enum Change
    {
        Rename = 1,
        MoveUp = 2,
        MoveDown = 3,
        Retire = 4,
        Restore = 5,
    }

    public sealed class Command : AdminChange<Unit>
    {
        public string List { get; set; } = "";

        public int Id { get; set; }

        public Change What { get; set; }

        public string? Name { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.List).Must(l => ReferenceLists.All.Contains(l)).WithMessage("Choose a list");
            RuleFor(c => c.What).IsInEnum();
            When(c => c.What == Change.Rename, () =>
                RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the new name")
                    .MaximumLength(100).WithMessage("The name must be 100 characters or fewer"));
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var item = await ReferenceLists.Items(db, request.List).SingleOrDefaultAsync(i => i.Id == request.Id, cancellationToken)
                ?? throw request.Refuse("", $"That {ReferenceLists.Singular(request.List)} does not exist.");
            var divisionId = (item as Location)?.DivisionId;
            var singular = ReferenceLists.Singular(request.List);
            switch (request.What)
            {
                case Change.Rename:
                    var name = request.Name!.Trim();
                    if (await ReferenceLists.Siblings(db, request.List, divisionId).AnyAsync(i => i.Name == name && i.Id != item.Id, cancellationToken))
                    {
                        throw request.Refuse(nameof(Command.Name), $"There is already a {singular} called '{name}'");
                    }

                    request.AuditDescription = $"Renamed {singular} '{item.Name}' to '{name}'";
                    item.Name = name;
                    break;
                case Change.MoveUp or Change.MoveDown:
                    await MoveAsync(item, request.What == Change.MoveUp, request.List, divisionId, cancellationToken);
                    request.AuditDescription = $"Moved {singular} '{item.Name}' {(request.What == Change.MoveUp ? "up" : "down")}";
                    break;
                case Change.Retire:
                    if (item is Category category && !await db.Categories.AnyAsync(c => c.DefaultStream == category.DefaultStream && !c.IsRetired && c.Id != category.Id, cancellationToken))
                    {
                        throw request.Refuse("", $"'{category.Name}' is the last category in {category.DefaultStream.Describe()}: add another to that stream before retiring it.");
                    }

                    item.IsRetired = true;
                    request.AuditDescription = $"Retired {singular} '{item.Name}'";
                    break;
                case Change.Restore:
                    item.IsRetired = false;
                    request.AuditDescription = $"Restored {singular} '{item.Name}'";
                    break;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        private async Task MoveAsync(ReferenceItem item, bool up, string list, int? divisionId, CancellationToken cancellationToken)
        {
            // Number the list afresh (gaps and ties from older data vanish), then swap with the neighbour.
            var siblings = await ReferenceLists.Siblings(db, list, divisionId).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(cancellationToken);
            var index = siblings.FindIndex(i => i.Id == item.Id);
            var other = up ? index - 1 : index + 1;
            if (other >= 0 && other < siblings.Count)
            {
                (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
            }

            for (var i = 0; i < siblings.Count; i++)
            {
                siblings[i].SortOrder = i + 1;
            }
        }
    }
}
