namespace FailingWell.Web.Features.Triage;

/// <summary>Confirms or changes the harm levels and rates the risk on the NHS 5x5 matrix.</summary>
public static class Grade
{
    public sealed class Command : ReportChange<Unit>
    {
        public PhysicalHarm? PhysicalHarm { get; set; }

        public PsychologicalHarm? PsychologicalHarm { get; set; }

        public int? Consequence { get; set; }

        public int? Likelihood { get; set; }

        public string? Title { get; set; }

        public override string AuditAction => "Graded";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PhysicalHarm).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select the physical harm").IsInEnum().WithMessage("Select the physical harm");
            RuleFor(c => c.PsychologicalHarm).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select the psychological harm").IsInEnum().WithMessage("Select the psychological harm");
            RuleFor(c => c.Consequence).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select a consequence from 1 to 5").InclusiveBetween(1, 5).WithMessage("Select a consequence from 1 to 5");
            RuleFor(c => c.Likelihood).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select a likelihood from 1 to 5").InclusiveBetween(1, 5).WithMessage("Select a likelihood from 1 to 5");
            RuleFor(c => c.Title).MaximumLength(200).WithMessage("The title must be 200 characters or fewer");
        }
    }

    public sealed class Handler(FailingWellDbContext db, Escalation escalation, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var report = await ReportChanges.LoadAsync(db, request, cancellationToken: cancellationToken);
            var wasEscalated = ReportRules.NeedsEscalation(report.PhysicalHarm, report.RiskScore);
            report.PhysicalHarm = request.PhysicalHarm!.Value;
            report.PsychologicalHarm = request.PsychologicalHarm!.Value;
            report.RiskConsequence = request.Consequence;
            report.RiskLikelihood = request.Likelihood;
            report.RiskScore = request.Consequence * request.Likelihood;
            report.RiskRating = ReportRules.RiskRatingOf(report.RiskScore!.Value);
            report.Title = string.IsNullOrWhiteSpace(request.Title) ? report.Title : request.Title.Trim();
            report.Move(ReportTransition.Grade, time.Today);

            if (!wasEscalated && ReportRules.NeedsEscalation(report.PhysicalHarm, report.RiskScore))
            {
                await escalation.GradedReportNeedsAttentionAsync(report.Id, report.Reference);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
