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

    public sealed class Handler(FailingWellDbContext db, FollowUpMessages messages) : IRequestHandler<Command, bool>
    {
        public Task<bool> Handle(Command request, CancellationToken cancellationToken) =>
            messages.FromReporterAsync(
                db.SpeakUpMessages.Where(m => m.CaseId == request.CaseId), new SpeakUpMessage { CaseId = request.CaseId },
                request.Body!, request.SubmissionId, cancellationToken);
    }
}
