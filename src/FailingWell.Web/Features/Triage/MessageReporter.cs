namespace FailingWell.Web.Features.Triage;

/// <summary>
/// A governance lead writes to the reporter. The reporter reads it at follow-up with their receipt
/// code; a reporter who gave an email is told there is a reply, with a link and no report text.
/// </summary>
public static class MessageReporter
{
    public sealed class Command : ReportChange<Unit>
    {
        public string? Body { get; set; }

        public Guid SubmissionId { get; set; } = Guid.NewGuid();

        public override string AuditAction => "Messaged the reporter";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Body)
                .Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Write your message to the reporter")
                .WithinTextLimit("The message");
    }

    public sealed class Handler(FailingWellDbContext db, FollowUpMessages messages) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await messages.FromStaffAsync(
                db.ReportMessages.Where(m => m.ReportId == request.ReportId),
                () => ReportChanges.LoadAsync(db, request, allowClosed: true, cancellationToken),
                request.ActorAccountId, request.Body!, request.SubmissionId,
                report => new ReplyNotice($"There is a reply to your report {report.Reference}", $"The team looking into your report {report.Reference}", "reported"),
                cancellationToken);
            return Unit.Value;
        }
    }
}
