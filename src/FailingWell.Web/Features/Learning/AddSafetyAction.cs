namespace FailingWell.Web.Features.Learning;

/// <summary>A safety action of a response: what, who, by when, and the measure that will show whether it worked.</summary>
public static class AddSafetyAction
{
    public sealed class Command : LearningChange<int>
    {
        public string? Description { get; set; }

        public string? OwnerAccountId { get; set; }

        public string? DueDay { get; set; }

        public string? DueMonth { get; set; }

        public string? DueYear { get; set; }

        public int? MeasureCategoryId { get; set; }

        public int? MeasureDivisionId { get; set; }

        public int? MeasureLocationId { get; set; }

        public ReportKind? MeasureKind { get; set; }

        public ExpectedDirection? ExpectedDirection { get; set; }

        public DateOnly? DueOn => TypedDate.DayOf(DueDay, DueMonth, DueYear);

        protected override string Action => "safety action added";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db, UkTime time)
        {
            RuleFor(c => c.Description)
                .Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("Say what will be done")
                .MaximumLength(2000).WithMessage("The action must be 2,000 characters or fewer");
            RuleFor(c => c.OwnerAccountId).Cascade(CascadeMode.Stop)
                .Must(id => !string.IsNullOrEmpty(id)).WithMessage("Select who owns the action")
                .MustAsync(async (id, ct) => await Triage.Leads.IsLeadAsync(db, id!, ct)).WithMessage("Select who owns the action from the list");
            RuleFor(c => c.DueDay)
                .Must((c, _) => c.DueOn is not null).WithMessage("Enter a real due date, for example 27 3 2027")
                .Must((c, _) => c.DueOn is not { } due || due >= time.Today).WithMessage("The due date must be today or in the future");
            RuleFor(c => c.MeasureCategoryId).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Select the category of reports that will show the effect")
                .MustAsync(async (id, ct) => await db.Categories.AnyAsync(x => x.Id == id, ct)).WithMessage("Select a category from the list");
            RuleFor(c => c.MeasureDivisionId)
                .MustAsync(async (id, ct) => id is null || await db.Divisions.AnyAsync(x => x.Id == id, ct)).WithMessage("Select a division from the list");
            RuleFor(c => c.MeasureLocationId)
                .MustAsync(async (c, id, ct) => id is null || await db.Locations.AnyAsync(x => x.Id == id && (c.MeasureDivisionId == null || x.DivisionId == c.MeasureDivisionId), ct))
                .WithMessage("Select a location in the division chosen");
            RuleFor(c => c.MeasureKind).IsInEnum().WithMessage("Select a kind of report");
            RuleFor(c => c.ExpectedDirection).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Say whether the count should fall or rise if the action works").IsInEnum().WithMessage("Say whether the count should fall or rise");
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var r = await LearningResponses.LoadAsync(db, request, cancellationToken);
            var owner = await db.Users.OfType<StaffAccount>().Where(u => u.Id == request.OwnerAccountId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            var action = new SafetyAction
            {
                LearningResponseId = r.Id,
                Description = request.Description!.Trim(),
                OwnerAccountId = request.OwnerAccountId!,
                OwnerName = owner,
                StartsOn = time.Today,
                DueOn = request.DueOn!.Value,
                MeasureCategoryId = request.MeasureCategoryId!.Value,
                MeasureDivisionId = request.MeasureDivisionId,
                MeasureLocationId = request.MeasureLocationId,
                MeasureKind = request.MeasureKind,
                ExpectedDirection = request.ExpectedDirection!.Value,
            };
            db.SafetyActions.Add(action);
            if (r.Status == LearningResponseStatus.Planned)
            {
                r.Status = LearningResponseStatus.InProgress;
            }

            await db.SaveChangesAsync(cancellationToken);
            return action.Id;
        }
    }
}
