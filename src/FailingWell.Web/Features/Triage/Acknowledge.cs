namespace FailingWell.Web.Features.Triage;

/// <summary>A lead has read the report; the reporter sees so at follow-up.</summary>
public static class Acknowledge
{
    public sealed class Command : ReportChange<Unit>
    {
        public override string AuditAction => "Acknowledged";
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, cancellationToken: cancellationToken);
            if (!report.TryMove(ReportTransition.Acknowledge, time.Today))
            {
                throw RequestValidationException.For(request, "", "This report has already been acknowledged.");
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
