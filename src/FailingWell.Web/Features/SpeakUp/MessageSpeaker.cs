namespace FailingWell.Web.Features.SpeakUp;

/// <summary>
/// The guardian writes to the person who spoke up; they read it with their receipt code. Someone who
/// left an email is told there is a reply, with a link and no words of the case.
/// </summary>
public static class MessageSpeaker
{
    public sealed class Command : CaseChange<Unit>
    {
        public string? Body { get; set; }

        public Guid SubmissionId { get; set; } = Guid.NewGuid();

        public override string AuditAction => "Messaged the person who spoke up";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Body)
                .Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Write your message")
                .WithinTextLimit("The message");
    }

    public sealed class Handler(FailingWellDbContext db, FollowUpMessages messages) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            await messages.FromStaffAsync(
                db.SpeakUpMessages.Where(m => m.CaseId == request.CaseId),
                () => CaseChanges.LoadAsync(db, request, allowClosed: true, cancellationToken),
                request.ActorAccountId, request.Body!, request.SubmissionId,
                _ => new ReplyNotice(SpeakUpEmails.ReplyToSpeaker, "The Freedom to Speak Up guardian", "raised"),
                cancellationToken);
            return Unit.Value;
        }
    }
}
