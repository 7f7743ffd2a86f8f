using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Reporting;

/// <summary>The reporter of a speak-up case writes to the guardian, still anonymous.</summary>
public static class ReplyToGuardian
{
    public sealed class Command : ICommand<bool>, IAnonymousJourney
    {
        /// <summary>Set by the page from the follow-up token, never from the form.</summary>
        [BindNever]
        public int CaseId { get; set; }

        public string? Body { get; set; }

        public Guid SubmissionId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(r => r.Body)
                .Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Write your message")
                .WithinTextLimit("Your message");
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await db.SpeakUpMessages.AnyAsync(m => m.CaseId == request.CaseId && m.SubmissionId == request.SubmissionId, cancellationToken))
            {
                return false; // a refresh: saved the first time
            }

            var (day, band) = time.DayAndBand();
            db.SpeakUpMessages.Add(new SpeakUpMessage
            {
                CaseId = request.CaseId,
                Author = MessageAuthor.Reporter,
                Body = request.Body!.Trim(),
                SentOn = day,
                SentBand = band,
                SubmissionId = request.SubmissionId,
            });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
