using FailingWell.Web.Infrastructure.Email;

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

    public sealed class Handler(FailingWellDbContext db, UkTime time, IEmailOutbox outbox, IConfiguration configuration)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await db.ReportMessages.AnyAsync(m => m.ReportId == request.ReportId && m.SubmissionId == request.SubmissionId, cancellationToken))
            {
                return Unit.Value; // the same form sent twice
            }

            var report = await ReportChanges.LoadAsync(db, request, allowClosed: true, cancellationToken);
            var reviewer = await db.Users.AsNoTracking().OfType<StaffAccount>()
                .Where(u => u.Id == request.ActorAccountId)
                .Select(u => u.DisplayName)
                .SingleOrDefaultAsync(cancellationToken);
            var (day, band) = time.DayAndBand();
            db.ReportMessages.Add(new ReportMessage
            {
                ReportId = report.Id,
                Author = MessageAuthor.Reviewer,
                ReviewerName = reviewer,
                Body = request.Body!.Trim(),
                SentOn = day,
                SentBand = band,
                SubmissionId = request.SubmissionId,
            });
            report.FeedbackGivenOn ??= day;

            if (report.ReporterEmail is not null)
            {
                var site = configuration.SiteBaseUrl();
                outbox.Enqueue(new EmailMessage(
                    report.ReporterEmail,
                    $"There is a reply to your report {report.Reference}",
                    $"""
                    The team looking into your report {report.Reference} has sent you a message.

                    To read it, go to {site}/report/follow-up and enter your receipt code.

                    We do not put the message in this email, to keep what you reported private.
                    """));
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
