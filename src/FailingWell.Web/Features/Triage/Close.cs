namespace FailingWell.Web.Features.Triage;

/// <summary>Finishes a report with an outcome the reporter reads at follow-up.</summary>
public static class Close
{
    public sealed class Command : ReportChange<Unit>
    {
        public string? Outcome { get; set; }

        public override string AuditAction => "Closed";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Outcome)
                .Must(o => !string.IsNullOrWhiteSpace(o)).WithMessage("Write the outcome for the reporter: a report cannot be closed without telling them what happened")
                .WithinTextLimit("The outcome");
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, cancellationToken: cancellationToken);
            report.Move(ReportTransition.Close, time.Today);
            report.OutcomeForReporter = request.Outcome!.Trim();
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
