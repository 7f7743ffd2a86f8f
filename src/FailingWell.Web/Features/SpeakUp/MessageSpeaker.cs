using FailingWell.Web.Infrastructure.Email;

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

    public sealed class Handler(FailingWellDbContext db, UkTime time, IEmailOutbox outbox, IConfiguration configuration) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await db.SpeakUpMessages.AnyAsync(m => m.CaseId == request.CaseId && m.SubmissionId == request.SubmissionId, cancellationToken))
            {
                return Unit.Value; // the same form sent twice
            }

            var speakUpCase = await CaseChanges.LoadAsync(db, request, allowClosed: true, cancellationToken);
            var guardian = await db.Users.AsNoTracking().OfType<StaffAccount>()
                .Where(u => u.Id == request.ActorAccountId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
            var (day, band) = time.DayAndBand();
            db.SpeakUpMessages.Add(new SpeakUpMessage
            {
                CaseId = speakUpCase.Id,
                Author = MessageAuthor.Reviewer,
                GuardianName = guardian,
                Body = request.Body!.Trim(),
                SentOn = day,
                SentBand = band,
                SubmissionId = request.SubmissionId,
            });
            speakUpCase.FeedbackGivenOn ??= day;

            if (speakUpCase.ReporterEmail is not null)
            {
                outbox.Enqueue(new EmailMessage(
                    speakUpCase.ReporterEmail,
                    SpeakUpEmails.ReplyToSpeaker,
                    $"""
                    The Freedom to Speak Up guardian has sent you a message.

                    To read it, go to {configuration.SiteBaseUrl()}/report/follow-up and enter your receipt code.

                    We do not put the message in this email, to keep what you raised private.
                    """));
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
