namespace FailingWell.Web.Features.SpeakUp;

/// <summary>The guardian has read the case: the reporter sees "read by the guardian".</summary>
public static class AcknowledgeCase
{
    public sealed class Command : CaseChange<Unit>
    {
        public override string AuditAction => "Acknowledged a speak-up case";
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var speakUpCase = await CaseChanges.LoadAsync(db, request, cancellationToken: cancellationToken);
            if (speakUpCase.Status == SpeakUpStatus.New)
            {
                speakUpCase.Status = SpeakUpStatus.Acknowledged;
                speakUpCase.AcknowledgedOn = time.Today;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
