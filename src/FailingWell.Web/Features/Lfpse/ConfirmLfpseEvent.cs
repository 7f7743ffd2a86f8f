using FailingWell.Web.Features.Triage;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Lfpse;

/// <summary>
/// A lead confirms the LFPSE answers a reporter could not give, and the free text as it will leave
/// (edited to remove names; the reporter's own words stay as they were). The exact JSON the lead saw
/// goes into the outbox in the same transaction: a POST the first time, a PUT of the same event after.
/// </summary>
public static class ConfirmLfpseEvent
{
    public sealed class Command : ReportChange<Unit>, ILfpseAnswers
    {
        public string? Description { get; set; }

        public string? ImmediateActions { get; set; }

        public string? LevelOfConcern { get; set; }

        public string? RiskImminent { get; set; }

        public string? HowFutureOccurrence { get; set; }

        public bool? DutyOfCandour { get; set; }

        public bool? NeverEvent { get; set; }

        public string? NeverEventType { get; set; }

        public bool? SeriousIncident { get; set; }

        public override string AuditAction => "LFPSE answers confirmed";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Description)
                .Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("Write what happened, as it will be sent")
                .WithinTextLimit("What happened");
            RuleFor(c => c.ImmediateActions).WithinTextLimit("What was done");
            RuleFor(c => c.HowFutureOccurrence).WithinTextLimit("How it could happen again");
            RuleFor(c => c.LevelOfConcern).Must(c => c is null || LfpseTaxonomy.Shipped.Contains("worry-scale", c)).WithMessage("Choose a level of concern from the list");
            RuleFor(c => c.RiskImminent).Must(c => c is null || LfpseTaxonomy.Shipped.Contains("yes-no-unknown-codes", c)).WithMessage("Choose whether the risk is imminent from the list");
            RuleFor(c => c.NeverEventType).Must(c => c is null || LfpseTaxonomy.Shipped.Contains("never-event-type", c)).WithMessage("Choose a type of never event from the list");
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time, TimeProvider clock, IOptions<LfpseSettings> options) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, allowClosed: true, cancellationToken);
            var draft = await LfpseDrafts.BuildAsync(db, report, request, time.Today, options.Value, cancellationToken);
            if (!LfpseEventMapper.Applies(report))
            {
                throw RequestValidationException.For(request, "", "This report is not about a patient's safety: it does not go to LFPSE.");
            }

            if (!draft.Mapped.IsComplete)
            {
                throw RequestValidationException.For(request, "", "Not sent: " + string.Join(" ", draft.Mapped.Missing));
            }

            var lfpseEvent = await db.LfpseEvents.SingleOrDefaultAsync(e => e.ReportId == report.Id, cancellationToken);
            var isNew = lfpseEvent is null;
            lfpseEvent ??= db.LfpseEvents.Add(new LfpseEvent { ReportId = report.Id }).Entity;
            LfpseDrafts.Apply(request, lfpseEvent);
            lfpseEvent.ConfirmedOn = time.Today;
            lfpseEvent.State = LfpseState.Pending;
            lfpseEvent.Messages = null;
            lfpseEvent.Version = Guid.NewGuid();

            // A change before the first request left replaces it: LFPSE is sent the latest confirmed answers once.
            var unsent = await db.LfpseOutbox.Where(i => i.ReportId == report.Id && i.Status == LfpseState.Pending).ToListAsync(cancellationToken);
            db.LfpseOutbox.RemoveRange(unsent);
            var now = clock.GetUtcNow().UtcDateTime;
            db.LfpseOutbox.Add(new LfpseOutboxItem
            {
                Id = Guid.NewGuid(),
                ReportId = report.Id,
                Operation = isNew || (lfpseEvent.LfpseId is null && unsent.Any(i => i.Operation == LfpseOperation.Create)) ? LfpseOperation.Create : LfpseOperation.Update,
                Payload = LfpseJson.Write(draft.Mapped.Event!),
                Status = LfpseState.Pending,
                Sequence = now.Ticks,
                NextAttemptAtUtc = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
