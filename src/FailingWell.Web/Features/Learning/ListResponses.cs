namespace FailingWell.Web.Features.Learning;

/// <summary>/learning: responses by type and status, oldest open first.</summary>
public static class ListResponses
{
    public sealed record Query(LearningResponseType? Type = null, LearningResponseStatus? Status = null) : IRequest<IReadOnlyList<Item>>;

    public sealed record Item(int Id, string Title, LearningResponseType Type, LearningResponseStatus Status, DateOnly CreatedOn, int AgeDays,
        int Reports, int OpenActions, int OverdueActions, bool Shared);

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query request, CancellationToken cancellationToken)
        {
            var today = time.Today;
            var responses = db.LearningResponses.AsNoTracking();
            if (request.Type is { } type)
            {
                responses = responses.Where(r => r.Type == type);
            }

            if (request.Status is { } status)
            {
                responses = responses.Where(r => r.Status == status);
            }

            var rows = await responses.OrderBy(r => r.Status == LearningResponseStatus.Completed).ThenBy(r => r.CreatedOn).ThenBy(r => r.Id).Take(500)
                .Select(r => new
                {
                    r.Id, r.Title, r.Type, r.Status, r.CreatedOn, r.CompletedOn, Shared = r.SharedOn != null,
                    Reports = r.Reports.Count,
                    Open = r.Actions.Count(a => a.CompletedOn == null),
                    Overdue = r.Actions.Count(a => a.CompletedOn == null && a.DueOn < today),
                })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(r => new Item(r.Id, r.Title, r.Type, r.Status, r.CreatedOn, (r.CompletedOn ?? today).DayNumber - r.CreatedOn.DayNumber,
                r.Reports, r.Open, r.Overdue, r.Shared))];
        }
    }
}

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

/// <summary>A record of engaging someone affected: by who they are and their role, never a name.</summary>
public static class AddEngagement
{
    public sealed class Command : LearningChange<Unit>
    {
        public EngagedPerson? Person { get; set; }

        public string? Role { get; set; }

        public DateOnly? OfferedOn { get; set; }

        public DateOnly? AcceptedOn { get; set; }

        public DateOnly? MetOn { get; set; }

        public DateOnly? FindingsSharedOn { get; set; }

        public string? Notes { get; set; }

        protected override string Action => $"engagement with {Person?.Describe().ToLowerInvariant()} recorded";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(UkTime time)
        {
            RuleFor(c => c.Person).Cascade(CascadeMode.Stop).NotNull().WithMessage("Select who was engaged").IsInEnum().WithMessage("Select who was engaged");
            RuleFor(c => c.Role).MaximumLength(100).WithMessage("The role must be 100 characters or fewer");
            RuleFor(c => c.OfferedOn).NotNull().WithMessage("Enter when engagement was offered")
                .Must(d => d is null || d <= time.Today).WithMessage("The date offered cannot be in the future");
            RuleFor(c => c.AcceptedOn).Must((c, d) => d is null || c.OfferedOn is null || d >= c.OfferedOn).WithMessage("It cannot be accepted before it was offered");
            RuleFor(c => c.MetOn).Must((c, d) => d is null || c.OfferedOn is null || d >= c.OfferedOn).WithMessage("The meeting cannot be before the offer");
            RuleFor(c => c.FindingsSharedOn).Must((c, d) => d is null || c.OfferedOn is null || d >= c.OfferedOn).WithMessage("Findings cannot be shared before the offer");
            RuleFor(c => c.Notes).MaximumLength(LearningConfiguration.MaxText).WithMessage("The notes must be 10,000 characters or fewer");
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var r = await LearningResponses.LoadAsync(db, request, cancellationToken);
            db.Engagements.Add(new Engagement
            {
                LearningResponseId = r.Id, Person = request.Person!.Value, Role = string.IsNullOrWhiteSpace(request.Role) ? null : request.Role.Trim(),
                OfferedOn = request.OfferedOn, AcceptedOn = request.AcceptedOn, MetOn = request.MetOn, FindingsSharedOn = request.FindingsSharedOn,
                Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            });
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
