namespace FailingWell.Web.Features.Triage;

/// <summary>"You said, we did": what was learned and what changed, shown to the reporter and the digests.</summary>
public static class RecordLearning
{
    public sealed class Command : ReportChange<Unit>
    {
        public string? Learning { get; set; }

        public override string AuditAction => "Learning recorded";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Learning)
                .Must(l => !string.IsNullOrWhiteSpace(l)).WithMessage("Write what was learned and what changed")
                .MaximumLength(10_000).WithMessage("The learning must be 10,000 characters or fewer");
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, allowClosed: true, cancellationToken);
            report.Learning = request.Learning!.Trim();
            report.LearningRecordedOn = time.Today;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>Finishes a report with an outcome the reporter reads at follow-up.</summary>
public static class Close
{
    public sealed class Command : ReportChange<Unit>
    {
        public string? Outcome { get; set; }

        public override string AuditAction => "Closed";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Outcome)
                .Must(o => !string.IsNullOrWhiteSpace(o)).WithMessage("Write the outcome for the reporter: a report cannot be closed without telling them what happened")
                .MaximumLength(10_000).WithMessage("The outcome must be 10,000 characters or fewer");
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, cancellationToken: cancellationToken);
            var today = time.Today;
            report.Status = ReportStatus.Closed;
            report.ClosedOn = today;
            report.AcknowledgedOn ??= today;
            report.FeedbackGivenOn ??= today;
            report.OutcomeForReporter = request.Outcome!.Trim();
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>Opens a closed report again, for example when the reporter adds something new.</summary>
public static class Reopen
{
    public sealed class Command : ReportChange<Unit>
    {
        public override string AuditAction => "Reopened";
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, allowClosed: true, cancellationToken);
            if (report.Status != ReportStatus.Closed)
            {
                throw ReportChanges.Refuse(request, "", "Only a closed report can be reopened.");
            }

            report.Status = ReportStatus.UnderReview;
            report.ClosedOn = null;
            report.DuplicateOfReportId = null;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
