using System.Globalization;

namespace FailingWell.Web.Features.SpeakUp;

/// <summary>
/// The National Guardian's Office's quarterly return: per financial-year quarter, cases, how they were
/// raised, elements, professional groups, detriment and "would you speak up again?". Counted in the
/// database, one aggregate per quarter; every count of 1 to 4 is hidden, and a second cell where a
/// breakdown adds up to a shown total (docs/decisions/0065).
/// </summary>
public static class QuarterlyReturn
{
    public const string Suppressed = "*";

    public sealed record Query(int Quarters = 8) : IRequest<Result>;

    /// <summary>One line of the return: a value per quarter, already suppressed ("*" for hidden).</summary>
    public sealed record Row(string Section, string Measure, IReadOnlyList<string> Values);

    public sealed record Result(IReadOnlyList<Quarter> Quarters, IReadOnlyList<Row> Rows);

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var quarters = new List<Quarter> { Quarter.Of(time.Today) };
            while (quarters.Count < request.Quarters)
            {
                quarters.Insert(0, quarters[0].Previous);
            }

            var groups = await db.StaffGroups.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
            var columns = new List<Dictionary<string, string>>();
            foreach (var quarter in quarters)
            {
                columns.Add(await CountAsync(quarter, groups.Select(g => (g.Id, g.Name)).ToList(), cancellationToken));
            }

            var measures = columns[0].Keys.ToList();
            return new Result(quarters, [.. measures.Select(m =>
            {
                var parts = m.Split('|');
                return new Row(parts[0], parts[1], [.. columns.Select(c => c[m])]);
            })]);
        }

        private async Task<Dictionary<string, string>> CountAsync(Quarter quarter, List<(int Id, string Name)> groups, CancellationToken cancellationToken)
        {
            var cases = db.SpeakUpCases.AsNoTracking().Where(c => c.ReceivedOn >= quarter.Start && c.ReceivedOn < quarter.End);
            var t = await cases.GroupBy(c => 1).Select(g => new
            {
                Cases = g.Count(),
                Anonymous = g.Count(c => c.Openness == SpeakUpOpenness.Anonymous),
                Confidential = g.Count(c => c.Openness == SpeakUpOpenness.Confidential),
                Open = g.Count(c => c.Openness == SpeakUpOpenness.Open),
                PatientSafety = g.Count(c => c.PatientSafetyElement),
                WorkerSafety = g.Count(c => c.WorkerSafetyElement),
                Bullying = g.Count(c => c.BullyingElement),
                Behaviour = g.Count(c => c.BehaviourElement),
                Detriment = g.Count(c => c.DetrimentIndicated),
                Yes = g.Count(c => c.WouldSpeakUpAgain == SpeakUpAnswer.Yes),
                No = g.Count(c => c.WouldSpeakUpAgain == SpeakUpAnswer.No),
                NotSure = g.Count(c => c.WouldSpeakUpAgain == SpeakUpAnswer.NotSure),
            }).SingleOrDefaultAsync(cancellationToken);
            var byGroup = await cases.GroupBy(c => c.StaffGroupId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

            var total = t?.Cases ?? 0;
            var figures = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Cases|Cases raised"] = Count(total),
            };
            Breakdown(figures, "Raised", [("Anonymously", t?.Anonymous ?? 0), ("Confidentially", t?.Confidential ?? 0), ("Openly", t?.Open ?? 0)]);
            figures["Raised|Anonymous share"] = SmallNumbers.Share(t?.Anonymous ?? 0, total, whenNone: "none") is var share && share.StartsWith("not shown", StringComparison.Ordinal) ? Suppressed : share;

            // A case may have several elements, so they add up to no total: each is suppressed on its own.
            figures["Elements|" + SpeakUpText.PatientSafety] = Count(t?.PatientSafety ?? 0);
            figures["Elements|" + SpeakUpText.WorkerSafety] = Count(t?.WorkerSafety ?? 0);
            figures["Elements|" + SpeakUpText.Bullying] = Count(t?.Bullying ?? 0);
            figures["Elements|" + SpeakUpText.Behaviour] = Count(t?.Behaviour ?? 0);

            Breakdown(figures, "Professional group",
                [.. groups.Select(g => (g.Name, byGroup.Where(b => b.Key == g.Id).Sum(b => b.Count))), ("Not recorded", byGroup.Where(b => b.Key == null).Sum(b => b.Count))]);
            figures["Detriment|Detriment indicated"] = Count(t?.Detriment ?? 0);
            Breakdown(figures, "Would speak up again", [("Yes", t?.Yes ?? 0), ("No", t?.No ?? 0), ("Not sure", t?.NotSure ?? 0)]);
            return figures;
        }

        private static string Count(int count) => SmallNumbers.IsHidden(count) ? Suppressed : count.ToString(CultureInfo.InvariantCulture);

        private static void Breakdown(Dictionary<string, string> figures, string section, IReadOnlyList<(string Label, int Count)> cells)
        {
            var hidden = SmallNumbers.HiddenCells([.. cells.Select(c => c.Count)]);
            for (var i = 0; i < cells.Count; i++)
            {
                figures[$"{section}|{cells[i].Label}"] = hidden[i] ? Suppressed : cells[i].Count.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
