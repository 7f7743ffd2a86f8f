namespace FailingWell.Web.Features.Triage;

/// <summary>Plans something to be done about a report: what, who, by when.</summary>
public static class AddAction
{
    public sealed class Command : ReportChange<Unit>
    {
        public string? Description { get; set; }

        public string? OwnerAccountId { get; set; }

        public string? DueDay { get; set; }

        public string? DueMonth { get; set; }

        public string? DueYear { get; set; }

        public override string AuditAction => "Action added";

        public DateOnly? DueOn => TypedDate.DayOf(DueDay, DueMonth, DueYear);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db, UkTime time)
        {
            RuleFor(c => c.Description)
                .Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("Say what will be done")
                .MaximumLength(2000).WithMessage("The action must be 2,000 characters or fewer");
            RuleFor(c => c.OwnerAccountId)
                .Must(id => !string.IsNullOrEmpty(id)).WithMessage("Select who will do it")
                .MustAsync(async (id, ct) => string.IsNullOrEmpty(id) || await Leads.IsLeadAsync(db, id, ct))
                .WithMessage("Select who will do it from the list");
            RuleFor(c => c.DueDay)
                .Must((c, _) => c.DueOn is not null).WithMessage("Enter a real due date, for example 27 3 2026")
                .Must((c, _) => c.DueOn is not { } due || due >= time.Today).WithMessage("The due date must be today or in the future");
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, cancellationToken: cancellationToken);
            var owner = await db.Users.OfType<StaffAccount>().Where(u => u.Id == request.OwnerAccountId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            db.ReportActions.Add(new ReportAction
            {
                ReportId = report.Id,
                Description = request.Description!.Trim(),
                OwnerAccountId = request.OwnerAccountId,
                OwnerName = owner,
                DueOn = request.DueOn!.Value,
            });
            report.Move(ReportTransition.AddAction, time.Today);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
