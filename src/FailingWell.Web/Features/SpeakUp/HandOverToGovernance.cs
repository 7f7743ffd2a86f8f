namespace FailingWell.Web.Features.SpeakUp;

/// <summary>
/// With the reporter's consent, the guardian passes a patient-safety part of a case to governance as a
/// new report in words the guardian writes: anonymous unless the case was raised openly, with nothing
/// that links the report back to the case. The case keeps only that it was passed, and the day.
/// </summary>
public static class HandOverToGovernance
{
    public sealed class Command : CaseChange<Unit>
    {
        public bool ReporterConsented { get; set; }

        public string? ConsentNote { get; set; }

        public string? WhatHappened { get; set; }

        public int? CategoryId { get; set; }

        public override string AuditAction => "Passed part of a speak-up case to governance";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.ReporterConsented).Equal(true).WithMessage("Confirm that the person who spoke up agreed to this");
            RuleFor(c => c.ConsentNote)
                .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Say how they gave their consent")
                .MaximumLength(2000).WithMessage("The note must be 2,000 characters or fewer");
            RuleFor(c => c.WhatHappened)
                .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Write what governance needs to know, in your own words")
                .WithinTextLimit("It");
            RuleFor(c => c.CategoryId)
                .NotNull().WithMessage("Select what it is about")
                .MustAsync(async (id, ct) => id is null || await db.Categories.AnyAsync(c => c.Id == id && !c.IsRetired, ct))
                .WithMessage("Select what it is about from the list");
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time, Triage.TriageSettingsSource settings) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var speakUpCase = await CaseChanges.LoadAsync(db, request, allowClosed: true, cancellationToken);
            var (day, band) = time.DayAndBand();
            var deadlines = (await settings.GetAsync(cancellationToken)).Deadlines;
            var stream = await db.Categories.AsNoTracking().Where(c => c.Id == request.CategoryId).Select(c => c.DefaultStream).SingleAsync(cancellationToken);
            var open = speakUpCase.Openness == SpeakUpOpenness.Open;
            var report = new Report
            {
                Kind = ReportKind.Concern,
                WhatHappened = request.WhatHappened!.Trim(),
                OccurredOn = day,
                OccurredBand = band,
                DivisionId = speakUpCase.DivisionId,
                LocationId = speakUpCase.LocationId,
                PersonAffected = PersonAffected.Patient,
                CategoryId = request.CategoryId!.Value,
                Stream = stream,
                IsAnonymous = !open,
                ReporterName = open ? speakUpCase.ReporterName : null,
                ReporterEmail = open ? speakUpCase.ReporterEmail : null,
                ReceivedOn = day,
                ReceivedBand = band,
                AcknowledgeBy = deadlines.AcknowledgeBy(day),
                FeedbackBy = deadlines.FeedbackBy(day),
                SubmissionId = Guid.NewGuid(),
            };

            // Nobody holds this report's receipt code (the guardian stays the go-between), but the
            // column is required and its locator must still be unique.
            do
            {
                var receipt = Reporting.ReceiptCodes.Issue();
                report.ReceiptLocator = receipt.Locator;
                report.ReceiptSalt = receipt.Salt;
                report.ReceiptHash = receipt.Hash;
                report.ReferenceYear = day.Year;
                report.ReferenceNumber = ReportReference.DrawNumber();
                report.Reference = ReportReference.Format(report.ReferenceYear, report.ReferenceNumber);
            }
            while (await db.Reports.AnyAsync(r => r.ReceiptLocator == report.ReceiptLocator || r.Reference == report.Reference, cancellationToken)
                || await db.SpeakUpCases.AnyAsync(c => c.ReceiptLocator == report.ReceiptLocator, cancellationToken));

            db.Reports.Add(report);
            speakUpCase.HandedOverOn = day;
            speakUpCase.HandOverConsentNote = request.ConsentNote!.Trim();
            speakUpCase.PatientSafetyElement = true;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
