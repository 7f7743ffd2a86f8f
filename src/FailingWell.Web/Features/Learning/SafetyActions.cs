using System.Globalization;
using FailingWell.Web.Features.Culture;

namespace FailingWell.Web.Features.Learning;

/// <summary>A safety action of a response: what, who, by when, and the measure that will show whether it worked.</summary>
public static class AddSafetyAction
{
    public sealed class Command : LearningChange<int>
    {
        public string? Description { get; set; }

        public string? OwnerAccountId { get; set; }

        public string? DueDay { get; set; }

        public string? DueMonth { get; set; }

        public string? DueYear { get; set; }

        public int? MeasureCategoryId { get; set; }

        public int? MeasureDivisionId { get; set; }

        public int? MeasureLocationId { get; set; }

        public ReportKind? MeasureKind { get; set; }

        public ExpectedDirection? ExpectedDirection { get; set; }

        public DateOnly? DueOn => LearningResponses.DateOf(DueDay, DueMonth, DueYear);

        protected override string Action => "safety action added";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db, UkTime time)
        {
            RuleFor(c => c.Description)
                .Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("Say what will be done")
                .MaximumLength(2000).WithMessage("The action must be 2,000 characters or fewer");
            RuleFor(c => c.OwnerAccountId).Cascade(CascadeMode.Stop)
                .Must(id => !string.IsNullOrEmpty(id)).WithMessage("Select who owns the action")
                .MustAsync(async (id, ct) => await Triage.Leads.IsLeadAsync(db, id!, ct)).WithMessage("Select who owns the action from the list");
            RuleFor(c => c.DueDay)
                .Must((c, _) => c.DueOn is not null).WithMessage("Enter a real due date, for example 27 3 2027")
                .Must((c, _) => c.DueOn is not { } due || due >= time.Today).WithMessage("The due date must be today or in the future");
            RuleFor(c => c.MeasureCategoryId).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Select the category of reports that will show the effect")
                .MustAsync(async (id, ct) => await db.Categories.AnyAsync(x => x.Id == id, ct)).WithMessage("Select a category from the list");
            RuleFor(c => c.MeasureDivisionId)
                .MustAsync(async (id, ct) => id is null || await db.Divisions.AnyAsync(x => x.Id == id, ct)).WithMessage("Select a division from the list");
            RuleFor(c => c.MeasureLocationId)
                .MustAsync(async (c, id, ct) => id is null || await db.Locations.AnyAsync(x => x.Id == id && (c.MeasureDivisionId == null || x.DivisionId == c.MeasureDivisionId), ct))
                .WithMessage("Select a location in the division chosen");
            RuleFor(c => c.MeasureKind).IsInEnum().WithMessage("Select a kind of report");
            RuleFor(c => c.ExpectedDirection).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Say whether the count should fall or rise if the action works").IsInEnum().WithMessage("Say whether the count should fall or rise");
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var r = await LearningResponses.LoadAsync(db, request, cancellationToken);
            var owner = await db.Users.OfType<StaffAccount>().Where(u => u.Id == request.OwnerAccountId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
            var action = new SafetyAction
            {
                LearningResponseId = r.Id,
                Description = request.Description!.Trim(),
                OwnerAccountId = request.OwnerAccountId!,
                OwnerName = owner,
                StartsOn = time.Today,
                DueOn = request.DueOn!.Value,
                MeasureCategoryId = request.MeasureCategoryId!.Value,
                MeasureDivisionId = request.MeasureDivisionId,
                MeasureLocationId = request.MeasureLocationId,
                MeasureKind = request.MeasureKind,
                ExpectedDirection = request.ExpectedDirection!.Value,
            };
            db.SafetyActions.Add(action);
            if (r.Status == LearningResponseStatus.Planned)
            {
                r.Status = LearningResponseStatus.InProgress;
            }

            await db.SaveChangesAsync(cancellationToken);
            return action.Id;
        }
    }
}

public static class CompleteSafetyAction
{
    public sealed class Command : LearningChange<Unit>
    {
        public int ActionId { get; set; }

        protected override string Action => $"safety action {ActionId} completed";
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var action = await db.SafetyActions.SingleOrDefaultAsync(a => a.Id == request.ActionId && a.LearningResponseId == request.ResponseId, cancellationToken)
                ?? throw RequestValidationException.For(request, "", "That safety action does not belong to this response.");
            if (action.CompletedOn is not null)
            {
                throw RequestValidationException.For(request, "", "That safety action is already done.");
            }

            action.CompletedOn = time.Today;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>
/// A safety action with its measure's monthly counts on an SPC chart, limits worked out afresh from
/// the month the action started, so a real change after it shows as special cause. The counts are a
/// grouped query over reports (the culture roll-ups hold no category breakdown).
/// </summary>
public static class SafetyActionView
{
    /// <summary>Months shown before the action: two years, enough for a baseline of limits.</summary>
    public const int MonthsBefore = 24;

    /// <param name="Exact">Leads and admins, who may read every report, see every count; others see counts of 1 to 4 suppressed.</param>
    public sealed record Query(int Id, bool Exact) : IRequest<Details?>;

    public sealed record Details(int Id, int ResponseId, string ResponseTitle, string Description, string? OwnerName, DateOnly StartsOn, DateOnly DueOn,
        DateOnly? CompletedOn, bool Overdue, string Measure, ExpectedDirection Direction, CultureView.Series Series, CultureView.Marker Marker,
        double? MeanBefore, double? MeanAfter);

    public static string DescribeMeasure(SafetyAction a, IReadOnlyDictionary<int, string> categories, IReadOnlyDictionary<int, string> divisions, IReadOnlyDictionary<int, string> locations)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(divisions);
        ArgumentNullException.ThrowIfNull(locations);
        var where = a.MeasureLocationId is { } l ? $" at {locations.GetValueOrDefault(l, "a location")}"
            : a.MeasureDivisionId is { } d ? $" in {divisions.GetValueOrDefault(d, "a division")}" : "";
        var kind = a.MeasureKind is { } k ? $" ({k.Describe().ToLowerInvariant()})" : "";
        return $"Reports of {categories.GetValueOrDefault(a.MeasureCategoryId, "a category").ToLowerInvariant()}{kind}{where}, monthly, expected to {(a.ExpectedDirection == ExpectedDirection.Fall ? "fall" : "rise")}";
    }

    /// <summary>The measure's monthly counts from <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
    public static async Task<Dictionary<DateOnly, int>> MonthlyCountsAsync(FailingWellDbContext db, SafetyAction a, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(a);
        var reports = db.Reports.AsNoTracking().Where(r => r.CategoryId == a.MeasureCategoryId && r.ReceivedOn >= from && r.ReceivedOn < to);
        if (a.MeasureDivisionId is { } division)
        {
            reports = reports.Where(r => r.DivisionId == division);
        }

        if (a.MeasureLocationId is { } location)
        {
            reports = reports.Where(r => r.LocationId == location);
        }

        if (a.MeasureKind is { } kind)
        {
            reports = reports.Where(r => r.Kind == kind);
        }

        var rows = await reports.GroupBy(r => new { r.ReceivedOn.Year, r.ReceivedOn.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => new DateOnly(r.Year, r.Month, 1), r => r.Count);
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, Details?>
    {
        public async Task<Details?> Handle(Query request, CancellationToken cancellationToken)
        {
            var a = await db.SafetyActions.AsNoTracking().Include(x => x.LearningResponse).SingleOrDefaultAsync(x => x.Id == request.Id, cancellationToken);
            if (a is null)
            {
                return null;
            }

            var today = time.Today;
            var latest = Period.LastCompleteBefore(PeriodKind.Month, today);
            var periods = new List<Period> { Period.Month(a.StartsOn).Start <= latest.Start ? latest : Period.Month(a.StartsOn) };
            var first = Period.Month(a.StartsOn).Start.AddMonths(-MonthsBefore);
            while (periods[^1].Start > first)
            {
                periods.Add(periods[^1].Previous);
            }

            periods.Reverse();
            var counts = await MonthlyCountsAsync(db, a, periods[0].Start, periods[^1].End, cancellationToken);
            var values = periods.Select(p => counts.GetValueOrDefault(p.Start)).Select(c => request.Exact || !SmallNumbers.IsHidden(c) ? (double?)c : null).ToList();
            var startIndex = periods.FindIndex(p => p.End > a.StartsOn);
            var direction = a.ExpectedDirection == ExpectedDirection.Fall ? ImprovementDirection.Decrease : ImprovementDirection.Increase;
            var spc = Spc.Analyse(values, direction, startIndex > 0 ? [startIndex] : null, lowest: 0);
            var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            var locations = await db.Locations.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            var measureText = DescribeMeasure(a, categories, divisions, locations);
            var measure = new CultureView.Measure("action-" + a.Id.ToString(CultureInfo.InvariantCulture), measureText, "reports", direction,
                "Whether the safety action changed how often this happens.");
            var points = periods.Select((p, i) => new CultureView.Point(p.Start, CultureView.Label(p), values[i], spc[i])).ToList();
            var series = new CultureView.Series(measure, points, Spc.Latest(spc), CultureView.Reading(measure, points));
            var before = values.Take(Math.Max(0, startIndex)).Where(v => v is not null).Select(v => v!.Value).ToList();
            var after = startIndex < 0 ? [] : values.Skip(startIndex + 1).Where(v => v is not null).Select(v => v!.Value).ToList();
            return new Details(a.Id, a.LearningResponseId, a.LearningResponse!.Title, a.Description, a.OwnerName, a.StartsOn, a.DueOn, a.CompletedOn,
                a.IsOverdue(today), measureText, a.ExpectedDirection, series, new CultureView.Marker(a.StartsOn, "Safety action started", true),
                before.Count == 0 ? null : Math.Round(before.Average(), 1), after.Count == 0 ? null : Math.Round(after.Average(), 1));
        }
    }
}
