using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Reporting;

/// <summary>The reporter comes back with their receipt code: what has happened since, and the conversation.</summary>
public static class FollowUp
{
    /// <summary>Finds the report a receipt code opens. Always one slow hash, found or not.</summary>
    public sealed class Open : IRequest<int?>
    {
        public string? Code { get; set; }
    }

    public sealed class OpenValidator : AbstractValidator<Open>
    {
        public OpenValidator() =>
            RuleFor(o => o.Code).Must(code => !string.IsNullOrWhiteSpace(code)).WithMessage("Enter your receipt code");
    }

    public sealed class OpenHandler(FailingWellDbContext db, PendingReceipts pending, ReportIntake intake) : IRequestHandler<Open, int?>
    {
        // What a mistyped code is checked as, so that it costs the same as a real one.
        private static readonly string Malformed = new('0', ReceiptCodes.CodeLength);

        public async Task<int?> Handle(Open request, CancellationToken cancellationToken)
        {
            var code = ReceiptCodes.Normalise(request.Code);
            var locator = code is null ? null : ReceiptCodes.LocatorOf(code);
            var candidate = locator is null ? null : await CandidateAsync(locator, cancellationToken);
            if (candidate is { ReceiptHash.Length: 0 } && code is not null)
            {
                // A code issued moments ago: its hash is still being worked out, so it is checked
                // against the memory that holds it, and the work done here is what gets stored.
                var check = pending.Check(code, candidate.ReceiptSalt);
                if (check.Found)
                {
                    if (!check.Matches)
                    {
                        return null;
                    }

                    await intake.SecureReceiptAsync(candidate.Id, check.Hash);
                    pending.Secured(candidate.Locator);
                    return candidate.Id;
                }

                // Secured between the two looks, or issued by another server and not hashed yet. The
                // hash just worked out is the one to compare, so this path costs no second hash.
                var now = await CandidateAsync(locator!, cancellationToken);
                return now is { ReceiptHash.Length: > 0 } && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(check.Hash, now.ReceiptHash)
                    ? now.Id
                    : null;
            }

            var matches = ReceiptCodes.Matches(code ?? Malformed, candidate?.ReceiptSalt, candidate?.ReceiptHash);
            return matches && code is not null ? candidate!.Id : null;
        }

        private sealed record Candidate(int Id, string Locator, byte[] ReceiptSalt, byte[] ReceiptHash);

        private Task<Candidate?> CandidateAsync(string locator, CancellationToken cancellationToken) =>
            db.Reports.AsNoTracking()
                .Where(r => r.ReceiptLocator == locator)
                .Select(r => new Candidate(r.Id, r.ReceiptLocator, r.ReceiptSalt, r.ReceiptHash))
                .SingleOrDefaultAsync(cancellationToken);
    }

    public sealed record View(
        string Reference,
        ReportKind Kind,
        DateOnly ReceivedOn,
        ReportStatus Status,
        DateOnly? AcknowledgedOn,
        DateOnly? ClosedOn,
        string? Outcome,
        string? Learning,
        IReadOnlyList<ActionView> Actions,
        IReadOnlyList<MessageView> Messages,
        string AcknowledgementPromise);

    public sealed record ActionView(string Description, DateOnly DueOn, DateOnly? CompletedOn);

    public sealed record MessageView(MessageAuthor Author, string? ReviewerName, bool IsAdditionalInformation, string Body, DateOnly SentOn, TimeBand SentBand);

    public sealed record ViewQuery(int ReportId) : IRequest<View>;

    public sealed class ViewHandler(FailingWellDbContext db, Triage.TriageSettingsSource settings) : IRequestHandler<ViewQuery, View>
    {
        public async Task<View> Handle(ViewQuery request, CancellationToken cancellationToken)
        {
            var report = await db.Reports.AsNoTracking()
                .Where(r => r.Id == request.ReportId)
                .Select(r => new
                {
                    r.Reference, r.Kind, r.ReceivedOn, r.Status, r.AcknowledgedOn, r.ClosedOn, r.OutcomeForReporter, r.Learning,
                    Actions = r.Actions.OrderBy(a => a.DueOn).ThenBy(a => a.Id)
                        .Select(a => new ActionView(a.Description, a.DueOn, a.CompletedOn)).ToList(),
                    Messages = r.Messages.OrderBy(m => m.Id)
                        .Select(m => new MessageView(m.Author, m.ReviewerName, m.IsAdditionalInformation, m.Body, m.SentOn, m.SentBand)).ToList(),
                })
                .AsSplitQuery()
                .SingleAsync(cancellationToken);
            return new View(report.Reference, report.Kind, report.ReceivedOn, report.Status, report.AcknowledgedOn, report.ClosedOn,
                report.OutcomeForReporter, report.Learning, report.Actions, report.Messages,
                (await settings.GetAsync(cancellationToken)).Deadlines.AcknowledgementPromise);
        }
    }

    /// <summary>The reporter replies to the reviewer, or adds to what they reported.</summary>
    public sealed class Reply : ICommand<bool>
    {
        /// <summary>Set by the page from the follow-up token, never from the form.</summary>
        [BindNever]
        public int ReportId { get; set; }

        public string? Body { get; set; }

        public bool IsAdditionalInformation { get; set; }

        public Guid SubmissionId { get; set; }
    }

    public sealed class ReplyValidator : AbstractValidator<Reply>
    {
        public ReplyValidator()
        {
            RuleFor(r => r.Body)
                .Must(body => !string.IsNullOrWhiteSpace(body)).WithMessage("Write your message")
                .MaximumLength(SubmitReport.MaxTextLength).WithMessage($"Your message must be {SubmitReport.MaxTextLength:N0} characters or fewer");
        }
    }

    public sealed class ReplyHandler(FailingWellDbContext db, UkTime time) : IRequestHandler<Reply, bool>
    {
        public async Task<bool> Handle(Reply request, CancellationToken cancellationToken)
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

    public static string StatusText(ReportStatus status) => status switch
    {
        ReportStatus.New => "Received",
        ReportStatus.Acknowledged => "Read by a governance lead",
        ReportStatus.UnderReview => "Being looked into",
        ReportStatus.Closed => "Finished",
        _ => status.ToString(),
    };

    public static string StatusDetail(ReportStatus status, string acknowledgementPromise) => status switch
    {
        ReportStatus.New => $"We have your report. A governance lead will read it, {acknowledgementPromise}.",
        ReportStatus.Acknowledged => "A governance lead has read your report and will decide what to do next.",
        ReportStatus.UnderReview => "Your report is being looked into. You can see below what is being done.",
        ReportStatus.Closed => "We have finished looking into your report. You can see below what happened and what we learned.",
        _ => "",
    };
}
