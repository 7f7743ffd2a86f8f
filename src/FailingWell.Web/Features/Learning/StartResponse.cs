using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FailingWell.Web.Features.Learning;

/// <summary>
/// At triage: what the plan in force proposes for a report, and the lead's choice, recorded with the
/// plan version, the proposal and (when the lead chose otherwise) the reason.
/// </summary>
public static class StartResponse
{
    public sealed record Query(int ReportId, NationalTrigger Trigger = NationalTrigger.None) : IRequest<View?>;

    public sealed record OpenResponse(int Id, string Title, LearningResponseType Type);

    public sealed record View(int ReportId, string Reference, string? Title, string Category, PhysicalHarm Harm, NationalTrigger Trigger,
        int PlanNumber, Proposal? Proposal, IReadOnlyList<OpenResponse> AlreadyIn);

    public sealed record Proposed(int ReportId, ResponsePlanVersion Plan, Proposal? Proposal);

    /// <summary>The plan's proposal, worked out on the server from the report as stored and the trigger the lead chose.</summary>
    public static async Task<Proposed?> ProposeAsync(FailingWellDbContext db, int reportId, NationalTrigger trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.Id, Category = r.Category!.Name, r.PhysicalHarm, r.Title, r.WhatHappened }).SingleOrDefaultAsync(cancellationToken);
        if (report is null)
        {
            return null;
        }

        var plan = await LearningResponses.CurrentPlanAsync(db, cancellationToken);
        return new Proposed(report.Id, plan, plan.Plan.Propose(trigger, report.Category, report.PhysicalHarm, $"{report.Title} {report.WhatHappened}"));
    }

    public sealed class QueryHandler(FailingWellDbContext db) : IRequestHandler<Query, View?>
    {
        public async Task<View?> Handle(Query request, CancellationToken cancellationToken)
        {
            var proposed = await ProposeAsync(db, request.ReportId, request.Trigger, cancellationToken);
            if (proposed is null)
            {
                return null;
            }

            var report = await db.Reports.AsNoTracking().Where(r => r.Id == request.ReportId)
                .Select(r => new { r.Reference, r.Title, Category = r.Category!.Name, r.PhysicalHarm }).SingleAsync(cancellationToken);
            var open = await db.LearningResponseReports.AsNoTracking().Where(l => l.ReportId == request.ReportId)
                .Join(db.LearningResponses, l => l.LearningResponseId, r => r.Id, (l, r) => r)
                .OrderBy(r => r.Id).Select(r => new OpenResponse(r.Id, r.Title, r.Type)).ToListAsync(cancellationToken);
            return new View(request.ReportId, report.Reference, report.Title, report.Category, report.PhysicalHarm, request.Trigger,
                proposed.Plan.Number, proposed.Proposal, open);
        }
    }

    public sealed class Command : LearningChange<int>
    {
        [BindNever]
        public int ReportId { get; set; }

        public NationalTrigger Trigger { get; set; }

        public LearningResponseType? Type { get; set; }

        public string? Title { get; set; }

        /// <summary>Why the lead chose another response than the plan's: required then.</summary>
        public string? Reason { get; set; }

        protected override string Action => $"{Type?.Describe()} started";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.Trigger).IsInEnum().WithMessage("Select a national trigger, or none");
            RuleFor(c => c.Type).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select the learning response").IsInEnum().WithMessage("Select the learning response");
            RuleFor(c => c.Title)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the response a short title (it is shown in the digests: no names)")
                .MaximumLength(200).WithMessage("The title must be 200 characters or fewer");
            RuleFor(c => c.Reason).MaximumLength(2000).WithMessage("The reason must be 2,000 characters or fewer");
            RuleFor(c => c.Reason)
                .MustAsync(async (c, reason, ct) =>
                    !string.IsNullOrWhiteSpace(reason) || c.Type is null || (await ProposeAsync(db, c.ReportId, c.Trigger, ct))?.Proposal?.Type == c.Type)
                .WithMessage("Say why you chose a different response from the plan's");
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var proposed = await ProposeAsync(db, request.ReportId, request.Trigger, cancellationToken)
                ?? throw RequestValidationException.For(request, "", "That report does not exist.");
            var lead = await db.Users.OfType<StaffAccount>().Where(u => u.Id == request.ActorAccountId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
            var differs = proposed.Proposal?.Type != request.Type;
            var response = new LearningResponse
            {
                Type = request.Type!.Value,
                Title = request.Title!.Trim(),
                CreatedOn = time.Today,
                LeadAccountId = request.ActorAccountId,
                LeadName = lead,
                PlanVersionId = proposed.Plan.Id,
                NationalTrigger = request.Trigger,
                ProposedType = proposed.Proposal?.Type,
                ProposalWhy = proposed.Proposal?.Why ?? "The plan asks for no particular response",
                OverrideReason = differs ? request.Reason?.Trim() : null,
                Reports = [new LearningResponseReport { ReportId = proposed.ReportId }],
            };
            db.LearningResponses.Add(response);
            await db.SaveChangesAsync(cancellationToken);
            request.ResponseId = response.Id;
            return response.Id;
        }
    }
}
