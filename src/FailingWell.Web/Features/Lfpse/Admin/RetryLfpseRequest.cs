namespace FailingWell.Web.Features.Lfpse.Admin;

/// <summary>
/// Puts a failed LFPSE request back in the outbox with a fresh set of attempts; the delivery job sends
/// it on its next run. Only a failed one: LFPSE refused it or it never reached LFPSE, so it cannot be
/// there twice (one marked to check goes through <see cref="ResolveLfpseCheck"/>).
/// </summary>
public static class RetryLfpseRequest
{
    public sealed class Command : Change<Unit>
    {
        public Guid ItemId { get; set; }

        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public int ReportId { get; set; }

        public override AuditSubject AuditSubject => ReportId == 0 ? AuditSubject.None : AuditSubject.Report(ReportId);
    }

    public sealed class Handler(FailingWellDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var item = await db.LfpseOutbox.SingleOrRefuseAsync(
                i => i.Id == request.ItemId && i.Status == LfpseState.Failed, request,
                "That request is no longer failed (retried or sent meanwhile): the list below is up to date.", cancellationToken);
            await LfpseRequeue.Async(db, item, clock, cancellationToken);
            request.ReportId = item.ReportId;
            request.AuditAction = $"Retried LFPSE request {item.Id} ({item.Operation})";
            return Unit.Value;
        }
    }
}

/// <summary>A request sent again by an admin's decision: pending now, with a fresh set of attempts.</summary>
internal static class LfpseRequeue
{
    public static async Task Async(FailingWellDbContext db, LfpseOutboxItem item, TimeProvider clock, CancellationToken cancellationToken)
    {
        item.Status = LfpseState.Pending;
        item.Attempts = 0;
        item.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime;
        var lfpseEvent = await db.LfpseEvents.SingleAsync(e => e.ReportId == item.ReportId, cancellationToken);
        lfpseEvent.State = LfpseState.Pending;
        lfpseEvent.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
    }
}
