namespace FailingWell.Web.Features.Lfpse.Admin;

/// <summary>
/// An admin's answer for a request marked to check (it timed out or was cut off, so LFPSE may hold it):
/// after looking in LFPSE, either "it is not there: send again" or "it arrived" (with LFPSE's id for a
/// new event, so that later changes are a PUT to it and never a second POST). Nothing is re-posted
/// without this answer (decision 0121).
/// </summary>
public static class ResolveLfpseCheck
{
    public const string SendAgain = "SendAgain";
    public const string Arrived = "Arrived";

    public sealed class Command : Change<Unit>
    {
        public Guid ItemId { get; set; }

        /// <summary><see cref="SendAgain"/> or <see cref="Arrived"/>.</summary>
        public string? Decision { get; set; }

        /// <summary>The event's id at LFPSE, when it arrived as a new event.</summary>
        public string? LfpseId { get; set; }

        /// <summary>LFPSE's reference number, when it arrived (optional).</summary>
        public string? LfpseReference { get; set; }

        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public int ReportId { get; set; }

        public override AuditSubject AuditSubject => ReportId == 0 ? AuditSubject.None : AuditSubject.Report(ReportId);
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Decision).Must(d => d is SendAgain or Arrived).WithMessage("Choose whether it arrived in LFPSE or should be sent again");
            // A FHIR id: letters, digits, '-' and '.', at most 64.
            RuleFor(c => c.LfpseId)
                .Must(id => string.IsNullOrWhiteSpace(id) || (id.Trim().Length <= 64 && id.Trim().All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.')))
                .WithMessage("Enter LFPSE's id for the event as LFPSE shows it: letters, digits, '-' and '.', at most 64");
            RuleFor(c => c.LfpseReference).MaximumLength(100).WithMessage("Enter LFPSE's reference number in 100 characters or fewer");
        }
    }

    public sealed class Handler(FailingWellDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var item = await db.LfpseOutbox.SingleOrRefuseAsync(
                i => i.Id == request.ItemId && i.Status == LfpseState.NeedsCheck, request,
                "That request is no longer waiting for a check (answered meanwhile): the list below is up to date.", cancellationToken);
            request.ReportId = item.ReportId;
            if (request.Decision == SendAgain)
            {
                await LfpseRequeue.Async(db, item, clock, cancellationToken);
                request.AuditAction = $"Checked LFPSE request {item.Id} ({item.Operation}): not in LFPSE, sent again";
                return Unit.Value;
            }

            var lfpseEvent = await db.LfpseEvents.SingleAsync(e => e.ReportId == item.ReportId, cancellationToken);
            var id = string.IsNullOrWhiteSpace(request.LfpseId) ? null : request.LfpseId.Trim();
            if (lfpseEvent.LfpseId is null && id is null)
            {
                // Without it a later change would be POSTed as a second event.
                throw RequestValidationException.For(request, nameof(Command.LfpseId), "Enter LFPSE's id for the event, so that later changes update it rather than send it again");
            }

            lfpseEvent.LfpseId ??= id;
            if (!string.IsNullOrWhiteSpace(request.LfpseReference))
            {
                lfpseEvent.LfpseReference = request.LfpseReference.Trim();
            }

            const string checkedMessage = "Checked in LFPSE by an admin: it arrived.";
            item.Status = LfpseState.Sent;
            item.Messages = checkedMessage;
            item.SentAtUtc = clock.GetUtcNow().UtcDateTime;
            lfpseEvent.State = LfpseState.Sent;
            lfpseEvent.Messages = checkedMessage;
            lfpseEvent.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"Checked LFPSE request {item.Id} ({item.Operation}): it arrived";
            return Unit.Value;
        }
    }
}
