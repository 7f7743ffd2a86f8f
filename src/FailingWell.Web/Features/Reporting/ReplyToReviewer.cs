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

    public sealed class Handler(FailingWellDbContext db, FollowUpMessages messages) : IRequestHandler<Command, bool>
    {
        public Task<bool> Handle(Command request, CancellationToken cancellationToken) =>
            messages.FromReporterAsync(
                db.ReportMessages.Where(m => m.ReportId == request.ReportId),
                new ReportMessage { ReportId = request.ReportId, IsAdditionalInformation = request.IsAdditionalInformation },
                request.Body!, request.SubmissionId, cancellationToken);
    }
}
