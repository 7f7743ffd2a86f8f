namespace FailingWell.Web.Features.Triage;

/// <summary>Sends the report to a stream and a division, and names the lead who owns it.</summary>
public static class Route
{
    public sealed class Command : ReportChange<Unit>
    {
        public GovernanceStream? Stream { get; set; }

        public int? DivisionId { get; set; }

        public string? OwnerAccountId { get; set; }

        public override string AuditAction => "Routed";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.Stream).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select a stream").IsInEnum().WithMessage("Select a stream");
            RuleFor(c => c.DivisionId)
                .MustAsync(async (id, ct) => id is null || await db.Divisions.AnyAsync(d => d.Id == id && !d.IsRetired, ct))
                .WithMessage("Select a division from the list");
            RuleFor(c => c.OwnerAccountId)
                .MustAsync(async (id, ct) => string.IsNullOrEmpty(id) || await Leads.IsLeadAsync(db, id, ct))
                .WithMessage("Select a governance lead from the list");
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, cancellationToken: cancellationToken);
            report.Stream = request.Stream!.Value;
            if (request.DivisionId != report.DivisionId)
            {
                report.DivisionId = request.DivisionId;
                report.LocationId = null; // a location belongs to its division
            }

            report.OwnerAccountId = string.IsNullOrEmpty(request.OwnerAccountId) ? null : request.OwnerAccountId;
            report.Move(ReportTransition.Route, time.Today);

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
