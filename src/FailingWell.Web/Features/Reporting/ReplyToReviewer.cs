using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Reporting;

/// <summary>The reporter replies to the reviewer, or adds to what they reported.</summary>
public static class ReplyToReviewer
{
    public sealed class Command : ICommand<bool>, IAnonymousJourney
    {
        /// <summary>Set by the page from the follow-up token, never from the form.</summary>
        [BindNever]
        public int ReportId { get; set; }

        public string? Body { get; set; }

        public bool IsAdditionalInformation { get; set; }

        public Guid SubmissionId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(r => r.Body)
                .Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Write your message")
                .WithinTextLimit("Your message");
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await db.ReportMessages.AnyAsync(m => m.ReportId == request.ReportId && m.SubmissionId == request.SubmissionId, cancellationToken))
            {
                return false; // the same form sent twice (a refresh): saved the first time
            }

            var (day, band) = time.DayAndBand();
            db.ReportMessages.Add(new ReportMessage
            {
                ReportId = request.ReportId,
                Author = MessageAuthor.Reporter,
                IsAdditionalInformation = request.IsAdditionalInformation,
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
