namespace FailingWell.Web.Features.Digests;

/// <summary>
/// Builds one stream's packs for one period: the organisation's and every division's, from a handful
/// of grouped SQL queries over indexed columns (never by loading reports). A pack that exists is left
/// as it is: building a period again adds what is missing and changes nothing else.
/// </summary>
public sealed class DigestBuilder(FailingWellDbContext db, TimeProvider clock)
{
    private static readonly string[] ConcernCategories = ["Staffing", "Equipment", "Environment and cleanliness", "Information governance"];

    public async Task<IReadOnlyList<Digest>> BuildAsync(GovernanceStream stream, Period period, CancellationToken cancellationToken)
    {
        var existing = await db.Digests.Where(d => d.Stream == stream && d.PeriodKey == period.Key).Select(d => d.ScopeKey).ToListAsync(cancellationToken);
        var divisions = await db.Divisions.AsNoTracking().Select(d => new { d.Id, d.Name, d.IsRetired }).ToListAsync(cancellationToken);
        var (start, end) = (period.Start, period.End);
        var inStream = db.Reports.AsNoTracking().Where(r => r.Stream == stream);
        var inPeriod = inStream.Where(r => r.ReceivedOn >= start && r.ReceivedOn < end);

        // Counts, grouped by division, for each breakdown.
        var byKind = (await inPeriod.GroupBy(r => new { r.DivisionId, r.Kind }).Select(g => new { g.Key.DivisionId, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken))
            .Select(x => (x.DivisionId, Label: x.Kind.Describe(), x.Count)).ToList();
        var categoryNames = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var byCategory = (await inPeriod.GroupBy(r => new { r.DivisionId, r.CategoryId }).Select(g => new { g.Key.DivisionId, g.Key.CategoryId, Count = g.Count() }).ToListAsync(cancellationToken))
            .Select(x => (x.DivisionId, Label: categoryNames.GetValueOrDefault(x.CategoryId, "Other"), x.Count)).ToList();
        var byPhysical = (await inPeriod.GroupBy(r => new { r.DivisionId, r.PhysicalHarm }).Select(g => new { g.Key.DivisionId, g.Key.PhysicalHarm, Count = g.Count() }).ToListAsync(cancellationToken))
            .Select(x => (x.DivisionId, Label: HarmLabel(x.PhysicalHarm), x.Count)).ToList();
        var byPsychological = (await inPeriod.GroupBy(r => new { r.DivisionId, r.PsychologicalHarm }).Select(g => new { g.Key.DivisionId, g.Key.PsychologicalHarm, Count = g.Count() }).ToListAsync(cancellationToken))
            .Select(x => (x.DivisionId, Label: x.PsychologicalHarm == PsychologicalHarm.None ? "No distress" : $"{x.PsychologicalHarm} distress", x.Count)).ToList();

        // Totals for this period and the 12 before it, bucketed from daily counts.
        var historyStart = Enumerable.Range(0, 12).Aggregate(period, (p, _) => p.Previous).Start;
        var daily = await inStream.Where(r => r.ReceivedOn >= historyStart && r.ReceivedOn < end)
            .GroupBy(r => new { r.DivisionId, r.ReceivedOn }).Select(g => new { g.Key.DivisionId, g.Key.ReceivedOn, Count = g.Count() }).ToListAsync(cancellationToken);
        var periods = new List<Period> { period };
        for (var i = 0; i < 12; i++)
        {
            periods.Add(periods[^1].Previous);
        }

        var notable = await inPeriod.Where(r => r.PhysicalHarm >= PhysicalHarm.Severe || r.RiskRating >= RiskRating.High)
            .OrderBy(r => r.Id)
            .Select(r => new { r.DivisionId, r.Reference, Category = r.Category!.Name, r.Title, r.PhysicalHarm, r.RiskRating })
            .ToListAsync(cancellationToken);
        var acknowledgements = await inStream.Where(r => r.AcknowledgeBy >= start && r.AcknowledgeBy < end)
            .GroupBy(r => r.DivisionId)
            .Select(g => new { DivisionId = g.Key, Due = g.Count(), OnTime = g.Count(r => r.AcknowledgedOn != null && r.AcknowledgedOn <= r.AcknowledgeBy) })
            .ToListAsync(cancellationToken);
        var feedback = await inStream.Where(r => r.FeedbackBy >= start && r.FeedbackBy < end)
            .GroupBy(r => r.DivisionId)
            .Select(g => new { DivisionId = g.Key, Due = g.Count(), OnTime = g.Count(r => r.FeedbackGivenOn != null && r.FeedbackGivenOn <= r.FeedbackBy) })
            .ToListAsync(cancellationToken);
        // Overdue as the period ends: the same rules as the queue and the morning summary.
        var received = inStream.Where(r => r.ReceivedOn < end);
        var acknowledgementOverdue = await received.Where(ReportRules.AcknowledgementOverdue(end))
            .GroupBy(r => r.DivisionId).Select(g => new { DivisionId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var feedbackOverdue = await received.Where(ReportRules.FeedbackOverdue(end))
            .GroupBy(r => r.DivisionId).Select(g => new { DivisionId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var overdue = acknowledgementOverdue.Select(x => new { x.DivisionId, Acknowledgement = x.Count, Feedback = 0 })
            .Concat(feedbackOverdue.Select(x => new { x.DivisionId, Acknowledgement = 0, Feedback = x.Count }))
            .ToList();
        var openActions = await ActionsByOwnerAsync(db.ReportActions.AsNoTracking().Where(a => a.CompletedOn == null), inStream, cancellationToken);
        var overdueActions = await ActionsByOwnerAsync(db.ReportActions.AsNoTracking().Where(ReportRules.ActionOverdue(end)), inStream, cancellationToken);
        var actions = openActions.Select(a => new { a.DivisionId, a.OwnerName, Open = a.Count, Overdue = 0 })
            .Concat(overdueActions.Select(a => new { a.DivisionId, a.OwnerName, Open = 0, Overdue = a.Count }))
            .ToList();
        var learning = await inStream.Where(r => r.LearningRecordedOn >= start && r.LearningRecordedOn < end && r.Learning != null)
            .OrderBy(r => r.Id).Select(r => new { r.DivisionId, r.Reference, r.Learning }).ToListAsync(cancellationToken);
        var goodPractice = stream == GovernanceStream.PatientExperience
            ? await db.Reports.AsNoTracking().Where(r => r.Kind == ReportKind.GoodPractice && r.ReceivedOn >= start && r.ReceivedOn < end)
                .OrderBy(r => r.Id).Select(r => new { r.DivisionId, r.Reference, Category = r.Category!.Name, r.Title }).ToListAsync(cancellationToken)
            : [];
        var byRating = stream == GovernanceStream.RiskAndCompliance
            ? (await inPeriod.GroupBy(r => new { r.DivisionId, r.RiskRating }).Select(g => new { g.Key.DivisionId, g.Key.RiskRating, Count = g.Count() }).ToListAsync(cancellationToken))
                .Select(x => (x.DivisionId, Label: x.RiskRating is { } rating ? $"{rating} risk" : "Not graded yet", x.Count)).ToList()
            : [];
        var concerns = stream == GovernanceStream.RiskAndCompliance
            ? (await db.Reports.AsNoTracking().Where(r => r.Kind == ReportKind.Concern && r.ReceivedOn >= start && r.ReceivedOn < end && ConcernCategories.Contains(r.Category!.Name))
                .GroupBy(r => new { r.DivisionId, r.CategoryId }).Select(g => new { g.Key.DivisionId, g.Key.CategoryId, Count = g.Count() }).ToListAsync(cancellationToken))
                .Select(x => (x.DivisionId, Label: categoryNames.GetValueOrDefault(x.CategoryId, "Other"), x.Count)).ToList()
            : [];

        var scopes = new List<(string Key, string Name, int? DivisionId, Func<int?, bool> Includes)>
        {
            (Digest.OrganisationScope, "Whole organisation", null, _ => true),
        };
        foreach (var division in divisions.Where(d => !d.IsRetired || daily.Any(x => x.DivisionId == d.Id)).OrderBy(d => d.Name))
        {
            scopes.Add((Digest.DivisionScope(division.Id), division.Name, division.Id, id => id == division.Id));
        }

        var built = new List<Digest>();
        foreach (var scope in scopes.Where(s => !existing.Contains(s.Key)))
        {
            var counts = periods.Select(p => daily.Where(x => scope.Includes(x.DivisionId) && x.ReceivedOn >= p.Start && x.ReceivedOn < p.End).Sum(x => x.Count)).ToList();
            var previousTwelve = counts.Skip(1).ToList();
            Breakdown Of(string title, IEnumerable<(int? DivisionId, string Label, int Count)> rows) =>
                Breakdown.Of(title, rows.Where(x => scope.Includes(x.DivisionId)).GroupBy(x => x.Label).Select(g => (g.Key, g.Sum(x => x.Count))));
            var ack = acknowledgements.Where(x => scope.Includes(x.DivisionId)).ToList();
            var fb = feedback.Where(x => scope.Includes(x.DivisionId)).ToList();
            var late = overdue.Where(x => scope.Includes(x.DivisionId)).ToList();
            var divisionNames = divisions.ToDictionary(d => d.Id, d => d.Name);

            var content = new DigestContent(
                stream.Describe(), scope.Name, period.Describe(),
                counts[0], counts[1], previousTwelve.Average(),
                scope.DivisionId is null
                    ? Breakdown.Of("By division", daily.Where(x => x.ReceivedOn >= start).GroupBy(x => x.DivisionId is { } d ? divisionNames.GetValueOrDefault(d, "Unknown") : "Not sure").Select(g => (g.Key, g.Sum(x => x.Count))))
                    : null,
                Of("By kind", byKind),
                Of("By category", byCategory),
                Of("By physical harm", byPhysical),
                Of("By psychological harm", byPsychological),
                [.. notable.Where(n => scope.Includes(n.DivisionId)).Select(n => new Notable(n.Reference, n.Category, n.Title,
                    n.PhysicalHarm >= PhysicalHarm.Severe ? $"{HarmLabel(n.PhysicalHarm)}" : $"{n.RiskRating} risk"))],
                new Timeliness(ack.Sum(x => x.Due), ack.Sum(x => x.OnTime), late.Sum(x => x.Acknowledgement), fb.Sum(x => x.Due), fb.Sum(x => x.OnTime), late.Sum(x => x.Feedback)),
                [.. actions.Where(a => scope.Includes(a.DivisionId)).GroupBy(a => a.OwnerName ?? "No owner")
                    .Select(g => new OwnerActions(g.Key, g.Sum(a => a.Open), g.Sum(a => a.Overdue))).OrderByDescending(o => o.Overdue).ThenBy(o => o.Owner, StringComparer.Ordinal)],
                [.. learning.Where(l => scope.Includes(l.DivisionId)).Select(l => new LearningItem(l.Reference, l.Learning!))],
                stream == GovernanceStream.PatientExperience
                    ? new GoodPractice(goodPractice.Count(g => scope.Includes(g.DivisionId)),
                        [.. goodPractice.Where(g => scope.Includes(g.DivisionId)).Select(g => new Notable(g.Reference, g.Category, g.Title, "Good practice"))])
                    : null,
                stream == GovernanceStream.RiskAndCompliance
                    ? new RiskSection(Of("Risks by rating", byRating), Of("Concerns about staffing, equipment, estates and information governance", concerns))
                    : null);

            built.Add(new Digest
            {
                Stream = stream, PeriodKind = period.Kind, PeriodKey = period.Key, PeriodStart = start, PeriodEnd = end,
                ScopeKey = scope.Key, ScopeName = scope.Name, DivisionId = scope.DivisionId,
                BuiltAtUtc = clock.GetUtcNow().UtcDateTime, Total = counts[0], Content = content.ToJson(),
            });
        }

        db.Digests.AddRange(built);
        await db.SaveChangesAsync(cancellationToken);
        return built;
    }

    public static string HarmLabel(PhysicalHarm harm) => harm switch
    {
        PhysicalHarm.None => "No harm",
        PhysicalHarm.Fatal => "Death",
        _ => $"{harm} harm",
    };

    private sealed record OwnerCount(int? DivisionId, string? OwnerName, int Count);

    private static Task<List<OwnerCount>> ActionsByOwnerAsync(IQueryable<ReportAction> actions, IQueryable<Report> reports, CancellationToken cancellationToken) =>
        actions.Join(reports, a => a.ReportId, r => r.Id, (a, r) => new { r.DivisionId, a.OwnerName })
            .GroupBy(x => new { x.DivisionId, x.OwnerName })
            .Select(g => new OwnerCount(g.Key.DivisionId, g.Key.OwnerName, g.Count()))
            .ToListAsync(cancellationToken);
}
