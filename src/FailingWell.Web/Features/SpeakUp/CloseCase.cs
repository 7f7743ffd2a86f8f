namespace FailingWell.Web.Features.SpeakUp;

/// <summary>The guardian closes the case with the feedback the reporter reads; the reporter is then asked "would you speak up again?".</summary>
public static class CloseCase
{
    public const string NotRecorded = "Record at least one element and the professional group before closing the case";

    public sealed class Command : CaseChange<Unit>
    {
        public string? Feedback { get; set; }

        public override string AuditAction => "Closed a speak-up case";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Feedback)
                .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Write the feedback the person who spoke up will read")
                .WithinTextLimit("The feedback");
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var speakUpCase = await CaseChanges.LoadAsync(db, request, cancellationToken: cancellationToken);
            if (!speakUpCase.HasElements || speakUpCase.StaffGroupId is null)
            {
                throw RequestValidationException.For(request, nameof(Command.Feedback), NotRecorded);
            }

            var today = time.Today;
            speakUpCase.Feedback = request.Feedback!.Trim();
            speakUpCase.Status = SpeakUpStatus.Closed;
            speakUpCase.ClosedOn = today;
            speakUpCase.AcknowledgedOn ??= today;
            speakUpCase.FeedbackGivenOn ??= today;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
