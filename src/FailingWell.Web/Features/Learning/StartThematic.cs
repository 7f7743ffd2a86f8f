namespace FailingWell.Web.Features.Learning;

/// <summary>A thematic review over several reports, chosen by a word search or a category.</summary>
public static class StartThematic
{
    public sealed record Query(string? Words, int? CategoryId) : IRequest<Result>;

    public sealed record Match(int Id, string Reference, string? Title, string Category, DateOnly ReceivedOn);

    public sealed record Result(IReadOnlyList<Match> Matches, IReadOnlyList<ReadResponse.Choice> Categories, bool Searched);

    public const int MaxMatches = 100;

    public sealed class QueryHandler(FailingWellDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var categories = await db.Categories.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.SortOrder)
                .Select(c => new ReadResponse.Choice(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name)).ToListAsync(cancellationToken);
            IQueryable<Report>? reports = db.Reports.AsNoTracking();
            var searched = false;
            if (!string.IsNullOrWhiteSpace(request.Words))
            {
                reports = ReportTextSearch.Where(db, reports, request.Words);
                searched = true;
            }

            if (reports is not null && request.CategoryId is { } category)
            {
                reports = reports.Where(r => r.CategoryId == category);
                searched = true;
            }

            var matches = !searched || reports is null ? []
                : await reports.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id).Take(MaxMatches)
                    .Select(r => new Match(r.Id, r.Reference, r.Title, r.Category!.Name, r.ReceivedOn)).ToListAsync(cancellationToken);
            return new Result(matches, categories, searched);
        }
    }

    public sealed class Command : LearningChange<int>
    {
        public string? Title { get; set; }

        public List<int> ReportIds { get; set; } = [];

        /// <summary>The search or theme the reports were chosen by, kept as the review's terms.</summary>
        public string? Theme { get; set; }

        protected override string Action => $"thematic review started over {ReportIds.Distinct().Count()} reports";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.Title)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Give the review a short title (it is shown in the digests: no names)")
                .MaximumLength(200).WithMessage("The title must be 200 characters or fewer");
            RuleFor(c => c.ReportIds).Cascade(CascadeMode.Stop)
                .Must(ids => ids.Distinct().Count() >= 2).WithMessage("A thematic review looks across several reports: choose at least two")
                .MustAsync(async (ids, ct) => await db.Reports.CountAsync(r => ids.Contains(r.Id), ct) == ids.Distinct().Count())
                .WithMessage("Choose reports from the list");
            RuleFor(c => c.Theme).MaximumLength(200).WithMessage("The theme must be 200 characters or fewer");
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var plan = await LearningResponses.CurrentPlanAsync(db, cancellationToken);
            var lead = await db.Users.OfType<StaffAccount>().Where(u => u.Id == request.ActorAccountId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
            var response = new LearningResponse
            {
                Type = LearningResponseType.ThematicReview,
                Title = request.Title!.Trim(),
                CreatedOn = time.Today,
                LeadAccountId = request.ActorAccountId,
                LeadName = lead,
                PlanVersionId = plan.Id,
                ProposalWhy = string.IsNullOrWhiteSpace(request.Theme) ? "Reports chosen by a lead" : $"Reports chosen by {request.Theme.Trim()}",
                Reports = [.. request.ReportIds.Distinct().Order().Select(id => new LearningResponseReport { ReportId = id })],
            };
            db.LearningResponses.Add(response);
            await db.SaveChangesAsync(cancellationToken);
            request.ResponseId = response.Id;
            return response.Id;
        }
    }
}
