namespace FailingWell.Web.Features.Learning;

/// <summary>The response plan in force, and every earlier version of it.</summary>
public static class ReadPlan
{
    public sealed record Query(int? Version = null) : IRequest<View>;

    public sealed record VersionItem(int Id, int Number, DateOnly SavedOn, string? SavedBy, string? ChangeNote);

    /// <param name="Shown">The version asked for (the current one by default).</param>
    public sealed record View(ResponsePlanVersion Shown, ResponsePlan Plan, bool IsCurrent, IReadOnlyList<VersionItem> Versions, IReadOnlyList<string> Categories);

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, View>
    {
        public async Task<View> Handle(Query request, CancellationToken cancellationToken)
        {
            var versions = await db.ResponsePlanVersions.AsNoTracking().OrderByDescending(v => v.Number)
                .Select(v => new VersionItem(v.Id, v.Number, v.SavedOn, v.SavedBy, v.ChangeNote)).ToListAsync(cancellationToken);
            var shown = request.Version is { } number
                ? await db.ResponsePlanVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, cancellationToken)
                : null;
            shown ??= await LearningResponses.CurrentPlanAsync(db, cancellationToken);
            var categories = await db.Categories.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.SortOrder).Select(c => c.Name).ToListAsync(cancellationToken);
            return new View(shown, shown.Plan, shown.Number == versions[0].Number, versions, categories);
        }
    }
}

/// <summary>Saves the local priorities as a new plan version: earlier versions are never changed.</summary>
public static class SavePlan
{
    public sealed class Priority
    {
        public string? Category { get; set; }

        public PhysicalHarm? MinimumHarm { get; set; }

        public string? Theme { get; set; }

        public LearningResponseType? Response { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Category) && MinimumHarm is null && string.IsNullOrWhiteSpace(Theme) && Response is null;
    }

    public sealed class Command : AdminChange<int>
    {
        public List<Priority> Priorities { get; set; } = [];

        public string? ChangeNote { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.ChangeNote)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Say what changed in the plan and why")
                .MaximumLength(500).WithMessage("The note must be 500 characters or fewer");
            RuleForEach(c => c.Priorities).ChildRules(p =>
            {
                p.RuleFor(x => x.Response).NotNull().When(x => !x.IsBlank).WithMessage("Select the planned response")
                    .IsInEnum().WithMessage("Select the planned response");
                p.RuleFor(x => x.Category)
                    .Must((x, _) => x.IsBlank || x.Response is null || !string.IsNullOrWhiteSpace(x.Category) || x.MinimumHarm is not null || !string.IsNullOrWhiteSpace(x.Theme))
                    .WithMessage("Choose a category, a harm level or a theme word for this priority")
                    .MustAsync(async (c, ct) => string.IsNullOrWhiteSpace(c) || await db.Categories.AnyAsync(x => x.Name == c, ct))
                    .WithMessage("Select a category from the list");
                p.RuleFor(x => x.MinimumHarm).IsInEnum().WithMessage("Select a harm level");
                p.RuleFor(x => x.Theme).MaximumLength(50).WithMessage("A theme is a word or two: 50 characters or fewer");
            });
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var number = await db.ResponsePlanVersions.MaxAsync(v => v.Number, cancellationToken) + 1;
            var plan = new ResponsePlan(ResponsePlan.NationalRequirements,
                [.. request.Priorities.Where(p => !p.IsBlank).Select(p => new LocalPriority(
                    string.IsNullOrWhiteSpace(p.Category) ? null : p.Category.Trim(), p.MinimumHarm,
                    string.IsNullOrWhiteSpace(p.Theme) ? null : p.Theme.Trim(), p.Response!.Value))]);
            var by = await db.Users.OfType<StaffAccount>().Where(u => u.Id == request.ActorAccountId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
            db.ResponsePlanVersions.Add(new ResponsePlanVersion
            {
                Number = number, SavedOn = time.Today, SavedBy = by, ChangeNote = request.ChangeNote!.Trim(), Content = plan.ToJson(),
            });
            await db.SaveChangesAsync(cancellationToken);
            request.AuditDescription = $"Response plan version {number} saved ({plan.LocalPriorities.Count} local priorities)";
            return number;
        }
    }
}
