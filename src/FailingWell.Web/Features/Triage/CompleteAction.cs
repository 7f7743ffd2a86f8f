namespace FailingWell.Web.Features.Triage;

public static class CompleteAction
{
    public sealed class Command : ReportChange<Unit>
    {
        public int ActionId { get; set; }

        public override string AuditAction => "Action completed";
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, cancellationToken: cancellationToken);
            var action = await db.ReportActions.SingleOrRefuseAsync(a => a.Id == request.ActionId && a.ReportId == report.Id,
                request, "That action does not belong to this report.", cancellationToken);
            if (!action.MarkDone(time.Today))
            {
                throw RequestValidationException.For(request, "", "That action is already done.");
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
