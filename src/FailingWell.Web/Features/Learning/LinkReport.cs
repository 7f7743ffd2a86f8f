namespace FailingWell.Web.Features.Learning;

/// <summary>Adds another report to a response by its reference: a response can cover several reports.</summary>
public static class LinkReport
{
    public sealed class Command : LearningChange<Unit>
    {
        public string? Reference { get; set; }

        protected override string Action => $"report {Reference?.Trim()} linked";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db) =>
            RuleFor(c => c.Reference).Cascade(CascadeMode.Stop)
                .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("Enter the reference of the report to add, like FW-2026-K7MQ3D")
                .MustAsync(async (r, ct) => await db.Reports.AnyAsync(x => x.Reference == ReportReference.Normalise(r!), ct))
                .WithMessage("No report has that reference");
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var r = await LearningResponses.LoadAsync(db, request, cancellationToken);
            var reference = ReportReference.Normalise(request.Reference!);
            var reportId = await db.Reports.Where(x => x.Reference == reference).Select(x => x.Id).SingleAsync(cancellationToken);
            if (await db.LearningResponseReports.AnyAsync(l => l.LearningResponseId == r.Id && l.ReportId == reportId, cancellationToken))
            {
                throw RequestValidationException.For(request, "Reference", "That report is already in this response");
            }

            db.LearningResponseReports.Add(new LearningResponseReport { LearningResponseId = r.Id, ReportId = reportId });
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
