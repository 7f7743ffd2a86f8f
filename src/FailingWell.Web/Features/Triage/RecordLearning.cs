namespace FailingWell.Web.Features.Triage;

/// <summary>"You said, we did": what was learned and what changed, shown to the reporter and the digests.</summary>
public static class RecordLearning
{
    public sealed class Command : ReportChange<Unit>
    {
        public string? Learning { get; set; }

        public override string AuditAction => "Learning recorded";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Learning)
                .Must(l => !string.IsNullOrWhiteSpace(l)).WithMessage("Write what was learned and what changed")
                .WithinTextLimit("The learning");
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, allowClosed: true, cancellationToken);
            report.Learning = request.Learning!.Trim();
            report.LearningRecordedOn = time.Today;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
