namespace FailingWell.Web.Features.Learning;

/// <summary>A record of engaging someone affected: by who they are and their role, never a name.</summary>
public static class AddEngagement
{
    public sealed class Command : LearningChange<Unit>
    {
        public EngagedPerson? Person { get; set; }

        public string? Role { get; set; }

        public DateOnly? OfferedOn { get; set; }

        public DateOnly? AcceptedOn { get; set; }

        public DateOnly? MetOn { get; set; }

        public DateOnly? FindingsSharedOn { get; set; }

        public string? Notes { get; set; }

        protected override string Action => $"engagement with {Person?.Describe().ToLowerInvariant()} recorded";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UkTime time)
        {
            RuleFor(c => c.Person).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select who was engaged").IsInEnum().WithMessage("Select who was engaged");
            RuleFor(c => c.Role).MaximumLength(100).WithMessage("The role must be 100 characters or fewer");
            RuleFor(c => c.OfferedOn).NotNull().WithMessage("Enter when engagement was offered")
                .Must(d => d is null || d <= time.Today).WithMessage("The date offered cannot be in the future");
            RuleFor(c => c.AcceptedOn).Must((c, d) => d is null || c.OfferedOn is null || d >= c.OfferedOn).WithMessage("It cannot be accepted before it was offered");
            RuleFor(c => c.MetOn).Must((c, d) => d is null || c.OfferedOn is null || d >= c.OfferedOn).WithMessage("The meeting cannot be before the offer");
            RuleFor(c => c.FindingsSharedOn).Must((c, d) => d is null || c.OfferedOn is null || d >= c.OfferedOn).WithMessage("Findings cannot be shared before the offer");
            RuleFor(c => c.Notes).WithinTextLimit("The notes");
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var r = await LearningResponses.LoadAsync(db, request, cancellationToken);
            db.Engagements.Add(new Engagement
            {
                LearningResponseId = r.Id, Person = request.Person!.Value, Role = string.IsNullOrWhiteSpace(request.Role) ? null : request.Role.Trim(),
                OfferedOn = request.OfferedOn, AcceptedOn = request.AcceptedOn, MetOn = request.MetOn, FindingsSharedOn = request.FindingsSharedOn,
                Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            });
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
