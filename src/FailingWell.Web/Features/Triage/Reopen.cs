namespace FailingWell.Web.Features.Triage;

/// <summary>Opens a closed report again, for example when the reporter adds something new.</summary>
public static class Reopen
{
    public sealed class Command : ReportChange<Unit>
    {
        public override string AuditAction => "Reopened";
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, allowClosed: true, cancellationToken);
            if (!report.TryMove(ReportTransition.Reopen, time.Today))
            {
                throw RequestValidationException.For(request, "", "Only a closed report can be reopened.");
            }

            report.DuplicateOfReportId = null;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
