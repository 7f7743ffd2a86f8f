using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Reporting;

/// <summary>
/// The reporter answers the National Guardian's Office's questions: at closure "would you speak up
/// again?", and three months after closure "have you suffered detriment for speaking up?". Each is
/// taken once, and only when it is asked.
/// </summary>
public static class AnswerSpeakUpQuestions
{
    public sealed class Command : ICommand<bool>, IAnonymousJourney
    {
        [BindNever]
        public int CaseId { get; set; }

        public SpeakUpAnswer? WouldSpeakUpAgain { get; set; }

        public SpeakUpAnswer? Detriment { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.WouldSpeakUpAgain).IsInEnum().WithMessage("Select yes, no or not sure");
            RuleFor(c => c.Detriment).IsInEnum().WithMessage("Select yes, no or not sure");
            RuleFor(c => c.WouldSpeakUpAgain)
                .Must((c, again) => again is not null || c.Detriment is not null).WithMessage("Select yes, no or not sure");
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var speakUpCase = await db.SpeakUpCases.SingleAsync(c => c.Id == request.CaseId, cancellationToken);
            var changed = false;
            if (request.WouldSpeakUpAgain is { } again && speakUpCase.Status == SpeakUpStatus.Closed && speakUpCase.WouldSpeakUpAgain is null)
            {
                speakUpCase.WouldSpeakUpAgain = again;
                changed = true;
            }

            if (request.Detriment is { } detriment && ReadCaseFollowUp.DetrimentCheckInDue(speakUpCase.ClosedOn, speakUpCase.DetrimentAtCheckIn, time.Today))
            {
                speakUpCase.DetrimentAtCheckIn = detriment;
                speakUpCase.DetrimentIndicated |= detriment == SpeakUpAnswer.Yes;
                changed = true;
            }

            if (changed)
            {
                speakUpCase.Version = Guid.NewGuid();
                await db.SaveChangesAsync(cancellationToken);
            }

            return changed;
        }
    }
}
