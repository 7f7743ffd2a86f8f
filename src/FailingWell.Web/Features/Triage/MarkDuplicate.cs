namespace FailingWell.Web.Features.Triage;

/// <summary>The same thing was reported already: this one closes, pointing the reporter to the other.</summary>
public static class MarkDuplicate
{
    public sealed class Command : ReportChange<Unit>
    {
        public string? OriginalReference { get; set; }

        public override string AuditAction => "Marked as duplicate";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.OriginalReference)
                .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Enter the reference of the report this repeats, like FW-2026-000123");
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, cancellationToken: cancellationToken);
            var reference = request.OriginalReference!.Trim().ToUpperInvariant();
            var original = await db.Reports.AsNoTracking()
                .Where(r => r.Reference == reference)
                .Select(r => new { r.Id, r.Reference, r.DuplicateOfReportId })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw RequestValidationException.For(request, nameof(Command.OriginalReference), "There is no report with that reference");
            if (original.Id == report.Id)
            {
                throw RequestValidationException.For(request, nameof(Command.OriginalReference), "A report cannot repeat itself: enter the other report's reference");
            }

            if (original.DuplicateOfReportId is not null)
            {
                throw RequestValidationException.For(request, nameof(Command.OriginalReference), "That report is itself a duplicate: enter the reference of the report it repeats");
            }

            report.DuplicateOfReportId = original.Id;
            report.Move(ReportTransition.MarkDuplicate, time.Today);
            report.OutcomeForReporter = $"Thank you. This had already been reported as {original.Reference}, and it is being looked into there.";
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
