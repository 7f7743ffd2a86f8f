namespace FailingWell.Web.Features.Admin;

/// <summary>Adds an item at the end of its list (a location at the end of its division).</summary>
public static class AddReferenceItem
{
    public sealed class Command : Change<int>
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
            request.AuditAction = $"Added {ReferenceLists.Singular(request.List)} '{name}'";
            return item.Id;
        }
    }
}
