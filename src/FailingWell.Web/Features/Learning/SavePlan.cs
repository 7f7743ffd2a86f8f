namespace FailingWell.Web.Features.Learning;

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

    public sealed class Command : Change<int>
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
            request.AuditAction = $"Response plan version {number} saved ({plan.LocalPriorities.Count} local priorities)";
            return number;
        }
    }
}
