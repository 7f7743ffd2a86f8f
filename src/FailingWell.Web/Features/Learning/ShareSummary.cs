namespace FailingWell.Web.Features.Learning;

/// <summary>The summary the reporter(s) read on their follow-up page, shared once the response is complete.</summary>
public static class ShareSummary
{
    public sealed class Command : LearningChange<Unit>
    {
        public string? Summary { get; set; }

        protected override string Action => "summary shared with the reporter(s)";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Summary)
                .Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Write the summary for the reporter: what was found and what will change")
                .WithinTextLimit("The summary");
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var r = await LearningResponses.LoadAsync(db, request, cancellationToken);
            if (r.Status != LearningResponseStatus.Completed)
            {
                throw RequestValidationException.For(request, "Summary", "Complete the response before sharing its summary");
            }

            r.ReporterSummary = request.Summary!.Trim();
            r.SharedOn = time.Today;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
