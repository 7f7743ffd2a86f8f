namespace FailingWell.Web.Features.Digests;

/// <summary>
/// Builds the packs for one period, the organisation's and every division's, for one stream or
/// several at once, from a few grouped SQL queries over indexed columns (never by loading reports).
/// Each query reads every stream asked for in one pass; each stream's packs are then made in memory
/// from those compact rows, a division's rows found by key rather than by filtering every row for
/// every pack. A pack that exists is left as it is: building a period again adds what is missing and
/// changes nothing else.
/// </summary>
public sealed class DigestBuilder(FailingWellDbContext db, TimeProvider clock)
{
    private static readonly string[] ConcernCategories = ["Staffing", "Equipment", "Environment and cleanliness", "Information governance"];

    // Every status, and every status but closed: said out loud so the (Status, date) indexes can be
    // used for a date range (an IN list on the first column), with the same rows as no status filter
    // and as "not closed".
    private static readonly ReportStatus[] AllStatuses = Enum.GetValues<ReportStatus>();
    private static readonly ReportStatus[] OpenStatuses = [.. ReportRules.OpenStatuses];

    public Task<IReadOnlyList<Digest>> BuildAsync(GovernanceStream stream, Period period, CancellationToken cancellationToken) =>
        BuildAsync([stream], period, cancellationToken);

    /// <summary>Every pack of <paramref name="streams"/> for <paramref name="period"/>, in the order of the streams given.</summary>
    public async Task<IReadOnlyList<Digest>> BuildAsync(IReadOnlyCollection<GovernanceStream> streams, Period period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(period);
        GovernanceStream[] wanted = [.. streams.Distinct()];
        if (wanted.Length == 0)
        {
            return [];
        }

        var existing = (await db.Digests.Where(d => d.PeriodKey == period.Key).Select(d => new { d.Stream, d.ScopeKey }).ToListAsync(cancellationToken))
            .Select(d => (d.Stream, d.ScopeKey)).ToHashSet();
        var divisions = await db.Divisions.AsNoTracking().Select(d => new { d.Id, d.Name, d.IsRetired }).ToListAsync(cancellationToken);
        var divisionNames = divisions.ToDictionary(d => d.Id, d => d.Name);
        var categoryNames = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var (start, end) = (period.Start, period.End);
        var reports = db.Reports.AsNoTracking();
        var inStreams = wanted.Length == 1 ? reports.Where(r => r.Stream == wanted[0])
            : wanted.Length == Enum.GetValues<GovernanceStream>().Length ? reports
            : reports.Where(r => EF.Constant(wanted).Contains(r.Stream));
        var inPeriod = inStreams.Where(r => r.ReceivedOn >= start && r.ReceivedOn < end);

        // The period's reports of every stream, counted by everything a breakdown groups by: one pass
        // for the kind, category, harm and rating breakdowns (and the concerns, which are any stream's).
        var counted = await reports.Where(r => r.ReceivedOn >= start && r.ReceivedOn < end)
            .GroupBy(r => new { r.Stream, r.DivisionId, r.Kind, r.CategoryId, r.PhysicalHarm, r.PsychologicalHarm, r.RiskRating })
            .Select(g => new CountedRow(g.Key.Stream, g.Key.DivisionId, g.Key.Kind, g.Key.CategoryId, g.Key.PhysicalHarm, g.Key.PsychologicalHarm, g.Key.RiskRating, g.Count()))
            .ToListAsync(cancellationToken);

        // Totals for this period and the 12 before it.
        var periods = new List<Period> { period };
        for (var i = 0; i < 12; i++)
        {
            periods.Add(periods[^1].Previous);
        }

        // Counted by stream, day and division in the order of the (Stream, ReceivedOn, DivisionId) index, so
        // the database streams its counts from the index alone without sorting; summed into the 13 here.
        var first = periods[^1].Start;
        var byDay = await inStreams.Where(r => r.ReceivedOn >= first && r.ReceivedOn < end)
            .GroupBy(r => new { r.Stream, r.ReceivedOn, r.DivisionId })
            .Select(g => new { g.Key.Stream, g.Key.ReceivedOn, g.Key.DivisionId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var perPeriod = byDay
            .GroupBy(d => (d.Stream, d.DivisionId, Ago: periods.FindIndex(p => d.ReceivedOn >= p.Start)))
            .Select(g => new PeriodRow(g.Key.Stream, g.Key.DivisionId, g.Key.Ago, g.Sum(d => d.Count)))
            .ToList();

        // The few notable, learning and good practice reports are put in id order and given their category's
        // name here: asked of the database, SQLite may walk every report in id order, or every category's
        // reports, rather than read the period's by its index.
        var notable = (await inPeriod.Where(r => r.PhysicalHarm >= PhysicalHarm.Severe || r.RiskRating >= RiskRating.High)
            .Select(r => new { r.Id, r.Stream, r.DivisionId, r.Reference, r.CategoryId, r.Title, r.PhysicalHarm, r.RiskRating })
            .ToListAsync(cancellationToken))
            .OrderBy(r => r.Id)
            .Select(r => new { r.Stream, r.DivisionId, r.Reference, Category = categoryNames.GetValueOrDefault(r.CategoryId, ""), r.Title, r.PhysicalHarm, r.RiskRating })
            .ToList();
        var acknowledgements = await inStreams.Where(r => EF.Constant(AllStatuses).Contains(r.Status) && r.AcknowledgeBy >= start && r.AcknowledgeBy < end)
            .GroupBy(r => new { r.Stream, r.DivisionId })
            .Select(g => new DueRow(g.Key.Stream, g.Key.DivisionId, g.Count(), g.Count(r => r.AcknowledgedOn != null && r.AcknowledgedOn <= r.AcknowledgeBy)))
            .ToListAsync(cancellationToken);
        var feedback = await inStreams.Where(r => EF.Constant(AllStatuses).Contains(r.Status) && r.FeedbackBy >= start && r.FeedbackBy < end)
            .GroupBy(r => new { r.Stream, r.DivisionId })
            .Select(g => new DueRow(g.Key.Stream, g.Key.DivisionId, g.Count(), g.Count(r => r.FeedbackGivenOn != null && r.FeedbackGivenOn <= r.FeedbackBy)))
            .ToListAsync(cancellationToken);
        // Overdue as the period ends: the same rules as the queue and the morning summary. A deadline is
        // never before the day its report arrived, so these are reports received before the end; saying
        // so again (ReceivedOn < end) had SQLite read every report by that index instead of the deadline's.
        var acknowledgementOverdue = await inStreams.Where(ReportRules.AcknowledgementOverdue(end))
            .GroupBy(r => new { r.Stream, r.DivisionId }).Select(g => new StreamCount(g.Key.Stream, g.Key.DivisionId, g.Count())).ToListAsync(cancellationToken);
        var feedbackOverdue = await inStreams.Where(ReportRules.FeedbackOverdue(end)).Where(r => EF.Constant(OpenStatuses).Contains(r.Status))
            .GroupBy(r => new { r.Stream, r.DivisionId }).Select(g => new StreamCount(g.Key.Stream, g.Key.DivisionId, g.Count())).ToListAsync(cancellationToken);
        var openActions = await ActionsByOwnerAsync(db.ReportActions.AsNoTracking().Where(a => a.CompletedOn == null), inStreams, cancellationToken);
        var overdueActions = await ActionsByOwnerAsync(db.ReportActions.AsNoTracking().Where(ActionRules.Overdue<ReportAction>(end)), inStreams, cancellationToken);
        var learning = await inStreams.Where(r => r.LearningRecordedOn >= start && r.LearningRecordedOn < end && r.Learning != null)
            .Select(r => new { r.Id, r.Stream, r.DivisionId, r.Reference, r.Learning }).ToListAsync(cancellationToken);
        learning.Sort((a, b) => a.Id.CompareTo(b.Id));
        var goodPractice = wanted.Contains(GovernanceStream.PatientExperience)
            ? await reports.Where(r => r.Kind == ReportKind.GoodPractice && r.ReceivedOn >= start && r.ReceivedOn < end)
                .Select(r => new { r.Id, r.DivisionId, r.Reference, r.CategoryId, r.Title }).ToListAsync(cancellationToken)
            : [];
        goodPractice.Sort((a, b) => a.Id.CompareTo(b.Id));
        var goodPracticeByDivision = goodPractice.ToLookup(g => g.DivisionId);
        var learningResponses = wanted.Contains(GovernanceStream.PatientSafety) ? await LearningResponsesAsync(period, cancellationToken) : null;
        var concerns = new Counts(counted
            .Where(x => x.Kind == ReportKind.Concern && categoryNames.TryGetValue(x.CategoryId, out var name) && ConcernCategories.Contains(name))
            .Select(x => (x.DivisionId, categoryNames.GetValueOrDefault(x.CategoryId, "Other"), x.Count)));

        var built = new List<Digest>();
        foreach (var stream in wanted)
        {
            var ofStream = counted.Where(x => x.Stream == stream).ToList();
            var byKind = new Counts(ofStream.Select(x => (x.DivisionId, x.Kind.Describe(), x.Count)));
            var byCategory = new Counts(ofStream.Select(x => (x.DivisionId, categoryNames.GetValueOrDefault(x.CategoryId, "Other"), x.Count)));
            var byPhysical = new Counts(ofStream.Select(x => (x.DivisionId, HarmLabel(x.PhysicalHarm), x.Count)));
            var byPsychological = new Counts(ofStream.Select(x => (x.DivisionId, x.PsychologicalHarm.Label(), x.Count)));
            var byRating = new Counts(stream == GovernanceStream.RiskAndCompliance
                ? ofStream.Select(x => (x.DivisionId, x.RiskRating is { } rating ? rating.Label() : "Not graded yet", x.Count))
                : []);

            var streamPerPeriod = perPeriod.Where(x => x.Stream == stream).ToList();
            var history = new Dictionary<int, int[]>();
            var organisationHistory = new int[periods.Count];
            foreach (var row in streamPerPeriod)
            {
                var at = row.Ago;
                organisationHistory[at] += row.Count;
                if (row.DivisionId is { } id)
                {
                    if (!history.TryGetValue(id, out var counts))
                    {
                        history[id] = counts = new int[periods.Count];
                    }

                    counts[at] += row.Count;
                }
            }

            var byDivision = Breakdown.Of("By division", streamPerPeriod.Where(x => x.Ago == 0)
                .GroupBy(x => x.DivisionId is { } d ? divisionNames.GetValueOrDefault(d, "Unknown") : "Not sure").Select(g => (g.Key, g.Sum(x => x.Count))));
            var streamNotable = notable.Where(n => n.Stream == stream).ToList();
            var notableByDivision = streamNotable.ToLookup(n => n.DivisionId);
            var streamActions = openActions.Where(a => a.Stream == stream).Select(a => new { a.DivisionId, a.OwnerName, Open = a.Count, Overdue = 0 })
                .Concat(overdueActions.Where(a => a.Stream == stream).Select(a => new { a.DivisionId, a.OwnerName, Open = 0, Overdue = a.Count }))
                .ToList();
            var actionsByDivision = streamActions.ToLookup(a => a.DivisionId);
            var streamLearning = learning.Where(l => l.Stream == stream).ToList();
            var learningByDivision = streamLearning.ToLookup(l => l.DivisionId);
            var streamAcknowledgements = acknowledgements.Where(x => x.Stream == stream).ToList();
            var acknowledgementsByDivision = streamAcknowledgements.ToLookup(x => x.DivisionId);
            var streamFeedback = feedback.Where(x => x.Stream == stream).ToList();
            var feedbackByDivision = streamFeedback.ToLookup(x => x.DivisionId);
            var streamAcknowledgementOverdue = acknowledgementOverdue.Where(x => x.Stream == stream).ToList();
            var acknowledgementOverdueByDivision = streamAcknowledgementOverdue.ToLookup(x => x.DivisionId);
            var streamFeedbackOverdue = feedbackOverdue.Where(x => x.Stream == stream).ToList();
            var feedbackOverdueByDivision = streamFeedbackOverdue.ToLookup(x => x.DivisionId);

            // The organisation's pack takes every row, in order; a division's, the rows of its key (in the same order).
            static IEnumerable<T> In<T>(List<T> all, ILookup<int?, T> byDivision, int? divisionId) => divisionId is null ? all : byDivision[divisionId];

            var withReports = streamPerPeriod.Select(x => x.DivisionId).ToHashSet();
            var scopes = new List<(string Key, string Name, int? DivisionId)> { (Digest.OrganisationScope, "Whole organisation", null) };
            foreach (var division in divisions.Where(d => !d.IsRetired || withReports.Contains(d.Id)).OrderBy(d => d.Name))
            {
                scopes.Add((Digest.DivisionScope(division.Id), division.Name, division.Id));
            }

            foreach (var scope in scopes.Where(s => !existing.Contains((stream, s.Key))))
            {
                var counts = scope.DivisionId is { } divisionId ? history.GetValueOrDefault(divisionId) ?? new int[periods.Count] : organisationHistory;
                var ack = In(streamAcknowledgements, acknowledgementsByDivision, scope.DivisionId).ToList();
                var fb = In(streamFeedback, feedbackByDivision, scope.DivisionId).ToList();
                var good = In(goodPractice, goodPracticeByDivision, scope.DivisionId).ToList();
                var content = new DigestContent(
                    stream.Describe(), scope.Name, period.Describe(),
                    counts[0], counts[1], counts.Skip(1).Average(),
                    scope.DivisionId is null ? byDivision : null,
                    byKind.Of("By kind", scope.DivisionId),
                    byCategory.Of("By category", scope.DivisionId),
                    byPhysical.Of("By physical harm", scope.DivisionId),
                    byPsychological.Of("By psychological harm", scope.DivisionId),
                    [.. In(streamNotable, notableByDivision, scope.DivisionId).Select(n => new Notable(n.Reference, n.Category, n.Title,
                        n.PhysicalHarm >= PhysicalHarm.Severe ? $"{HarmLabel(n.PhysicalHarm)}" : n.RiskRating?.Label() ?? "Not graded yet"))],
                    new Timeliness(
                        ack.Sum(x => x.Due), ack.Sum(x => x.OnTime), In(streamAcknowledgementOverdue, acknowledgementOverdueByDivision, scope.DivisionId).Sum(x => x.Count),
                        fb.Sum(x => x.Due), fb.Sum(x => x.OnTime), In(streamFeedbackOverdue, feedbackOverdueByDivision, scope.DivisionId).Sum(x => x.Count)),
                    [.. In(streamActions, actionsByDivision, scope.DivisionId).GroupBy(a => a.OwnerName ?? "No owner")
                        .Select(g => new OwnerActions(g.Key, g.Sum(a => a.Open), g.Sum(a => a.Overdue))).OrderByDescending(o => o.Overdue).ThenBy(o => o.Owner, StringComparer.Ordinal)],
                    [.. In(streamLearning, learningByDivision, scope.DivisionId).Select(l => new LearningItem(l.Reference, l.Learning!))],
                    stream == GovernanceStream.PatientExperience
                        ? new GoodPractice(good.Count, [.. good.Select(g => new Notable(g.Reference, categoryNames.GetValueOrDefault(g.CategoryId, ""), g.Title, "Good practice"))])
                        : null,
                    stream == GovernanceStream.RiskAndCompliance
                        ? new RiskSection(byRating.Of("Risks by rating", scope.DivisionId), concerns.Of("Concerns about staffing, equipment, estates and information governance", scope.DivisionId))
                        : null,
                    stream == GovernanceStream.PatientSafety && scope.DivisionId is null ? learningResponses : null);

                built.Add(new Digest
                {
                    Stream = stream, PeriodKind = period.Kind, PeriodKey = period.Key, PeriodStart = start, PeriodEnd = end,
                    ScopeKey = scope.Key, ScopeName = scope.Name, DivisionId = scope.DivisionId,
                    BuiltAtUtc = clock.GetUtcNow().UtcDateTime, Total = counts[0], Content = content.ToJson(),
                });
            }
        }

        db.Digests.AddRange(built);
        await db.SaveChangesAsync(cancellationToken);
        return built;
    }

    /// <summary>The plain wording of Domain/HarmLabels, the one place that defines it.</summary>
    public static string HarmLabel(PhysicalHarm harm) => harm.Label();
    /// <summary>
    /// Learning responses completed in the period, safety actions overdue as it ends, and those due in
    /// the period after it (what the meeting should chase next; one due in the period and not done is overdue).
    /// </summary>
    private async Task<LearningResponsesSection> LearningResponsesAsync(Period period, CancellationToken cancellationToken)
    {
        var (start, end, nextEnd) = (period.Start, period.End, Period.Of(period.Kind, period.End).End);
        var completed = await db.LearningResponses.AsNoTracking().Where(r => r.CompletedOn >= start && r.CompletedOn < end)
            .OrderBy(r => r.Id).Select(r => r.Title).ToListAsync(cancellationToken);
        var due = await db.SafetyActions.AsNoTracking().Where(a => a.CompletedOn == null && a.DueOn >= end && a.DueOn < nextEnd)
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id).Select(a => a.Description).ToListAsync(cancellationToken);
        var overdue = await db.SafetyActions.AsNoTracking().Where(ActionRules.Overdue<SafetyAction>(end))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id).Select(a => a.Description).ToListAsync(cancellationToken);
        return new LearningResponsesSection(completed.Count, completed, due.Count, due, overdue.Count, overdue);
    }


    private sealed record CountedRow(GovernanceStream Stream, int? DivisionId, ReportKind Kind, int CategoryId, PhysicalHarm PhysicalHarm, PsychologicalHarm PsychologicalHarm, RiskRating? RiskRating, int Count);

    /// <param name="Ago">Which period: 0 the one built, 1 the one before, up to 12.</param>
    private sealed record PeriodRow(GovernanceStream Stream, int? DivisionId, int Ago, int Count);

    private sealed record DueRow(GovernanceStream Stream, int? DivisionId, int Due, int OnTime);

    private sealed record StreamCount(GovernanceStream Stream, int? DivisionId, int Count);

    private sealed record OwnerCount(GovernanceStream Stream, int? DivisionId, string? OwnerName, int Count);

    /// <summary>One breakdown's counts by label, summed once for the organisation and once for each division.</summary>
    private sealed class Counts
    {
        private readonly List<(string Label, int Count)> _organisation;
        private readonly Dictionary<int, List<(string Label, int Count)>> _divisions;

        public Counts(IEnumerable<(int? DivisionId, string Label, int Count)> rows)
        {
            var list = rows.ToList();
            _organisation = [.. list.GroupBy(x => x.Label).Select(g => (g.Key, g.Sum(x => x.Count)))];
            _divisions = list.Where(x => x.DivisionId is not null).GroupBy(x => x.DivisionId!.Value)
                .ToDictionary(g => g.Key, g => g.GroupBy(x => x.Label).Select(l => (l.Key, l.Sum(x => x.Count))).ToList());
        }

        public Breakdown Of(string title, int? divisionId) =>
            Breakdown.Of(title, divisionId is { } id ? _divisions.GetValueOrDefault(id) ?? [] : _organisation);
    }

    private static Task<List<OwnerCount>> ActionsByOwnerAsync(IQueryable<ReportAction> actions, IQueryable<Report> reports, CancellationToken cancellationToken) =>
        actions.Join(reports, a => a.ReportId, r => r.Id, (a, r) => new { r.Stream, r.DivisionId, a.OwnerName })
            .GroupBy(x => new { x.Stream, x.DivisionId, x.OwnerName })
            .Select(g => new OwnerCount(g.Key.Stream, g.Key.DivisionId, g.Key.OwnerName, g.Count()))
            .ToListAsync(cancellationToken);
}
