using System.Globalization;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Culture;

/// <summary>The culture signal: series of measures for a scope, each with its SPC reading and what it means.</summary>
public static class CultureView
{
    public sealed record Query(string ScopeKey, PeriodKind Kind, int Periods) : IRequest<Result>;

    public sealed record Measure(string Key, string Name, string Unit, ImprovementDirection Direction, string Meaning)
    {
        /// <summary>Every measure is a count, rate, share or number of days: none can be negative.</summary>
        public double Lowest => 0;

        /// <summary>A share cannot pass 100%.</summary>
        public double Highest => Unit.StartsWith('%') ? 100 : double.PositiveInfinity;
    }

    public sealed record Point(DateOnly Start, string Label, double? Value, SpcPoint Spc);

    /// <param name="Target">The measure's target, where one has been set (none can be yet).</param>
    public sealed record Series(Measure Measure, IReadOnlyList<Point> Points, Variation Variation, string Reading, double? Target = null, Assurance Assurance = Assurance.None);

    public sealed record Marker(DateOnly On, string Text, bool Recalculates);

    public sealed record PeerStanding(string PeerGroup, string Month, double OwnRate, double Median, int Rank, int Of, int Percentile);

    public sealed record Result(string ScopeName, PeriodKind Kind, IReadOnlyList<Series> Series, IReadOnlyList<Marker> Markers, IReadOnlyList<string> Summary,
        PeerStanding? Peers, IReadOnlyList<(string Key, string Name)> Scopes);

    /// <summary>The measures charted per quarter (speaking up is counted so nationally, and is rare).</summary>
    public static readonly IReadOnlySet<string> SpeakingUpKeys = new HashSet<string>(StringComparer.Ordinal) { "fear", "speak-up", "speak-up-anonymous", "speak-up-detriment" };

    public static readonly IReadOnlyList<Measure> Measures =
    [
        new("reports", "Reports received", "reports", ImprovementDirection.Increase, "How many reports staff made. In a safe organisation people report a lot, mostly things that did little or no harm: more reports usually means more trust, not less safety."),
        new("rate", "Reporting rate", "", ImprovementDirection.Increase, "Reports for the amount of care given (per 1,000 bed days) or per 100 staff, so divisions of different sizes can be compared. Higher reporters have been found to have a better safety culture."),
        new("low-harm", "No or low harm", "% of reports", ImprovementDirection.Increase, "The share of reports about things that did no or little harm. A high share means staff report early warnings, not only disasters."),
        new("near-miss", "Near misses", "% of reports", ImprovementDirection.Increase, "The share about things that nearly happened. Reporting near misses is the clearest sign that staff feel safe to speak up."),
        new("non-clinical", "From non-clinical staff", "% of reports", ImprovementDirection.Increase, "Reports from porters, cleaners, caterers, estates and office staff. Care is everyone's concern: they see what others miss."),
        new("anonymous", "Raised anonymously", "% of reports", ImprovementDirection.Decrease, "The share of reports made without a name. A falling share suggests staff trust that they will not be blamed."),
        new("acknowledge", "Days to acknowledge", "days (median)", ImprovementDirection.Decrease, "How quickly a lead acknowledges a report. Quick replies show staff they were heard."),
        new("feedback", "Feedback within 3 months", "% of reports", ImprovementDirection.Increase, "The share of reporters told what happened within 3 months. People keep reporting when they hear back."),
        new("good-practice", "Good practice shared", "reports", ImprovementDirection.Increase, "Examples of things that went well. Learning from success matters as much as learning from failure."),
        new("severe", "Severe harm or death", "reports", ImprovementDirection.Decrease, "Reports of severe harm or death. If reporting rises while this stays level or falls, the rise is more open reporting, not a less safe service."),
        new("fear", "Anonymous for fear", "% of reasons given", ImprovementDirection.Decrease, "Of the anonymous reporters who said why (reports and speak-up cases), the share worried it could be used against them, per quarter. Fear falling is the culture improving. Whole organisation only."),
        new("speak-up", "Speak-up cases per quarter", "cases", ImprovementDirection.Increase, "Concerns raised with the Freedom to Speak Up guardian (about how staff are treated, or safety at work). More people speaking up is a sign of trust. Whole organisation only, never case detail."),
        new("speak-up-anonymous", "Speak-up cases raised anonymously", "% of cases", ImprovementDirection.Decrease, "The share of speak-up cases raised anonymously, per quarter (about 10% nationally). A falling share suggests staff trust the guardian."),
        new("speak-up-detriment", "Speak-up cases with detriment", "% of cases", ImprovementDirection.Decrease, "The share of speak-up cases where the person indicated they suffered detriment for speaking up, per quarter (about 4% nationally)."),
    ];

    public sealed class Handler(FailingWellDbContext db, UkTime time, IOptions<CultureSettings> settings) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var latest = Period.LastCompleteBefore(request.Kind, time.Today);
            var periods = new List<Period> { latest };
            while (periods.Count < request.Periods)
            {
                periods.Add(periods[^1].Previous);
            }

            periods.Reverse();
            var from = periods[0].Start;
            int? divisionId = request.ScopeKey.StartsWith("division:", StringComparison.Ordinal)
                && int.TryParse(request.ScopeKey.AsSpan(9), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            var divisions = await db.Divisions.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name, d.RateBasis }).ToListAsync(cancellationToken);
            var scopeName = divisionId is { } id ? divisions.SingleOrDefault(d => d.Id == id)?.Name ?? "Unknown division" : "Whole organisation";

            var rollups = await db.CultureRollups.AsNoTracking()
                .Where(r => r.PeriodKind == request.Kind && r.PeriodStart >= from && (divisionId == null || r.DivisionKey == divisionId))
                .ToListAsync(cancellationToken);
            var byPeriod = rollups.GroupBy(r => r.PeriodStart).ToDictionary(g => g.Key, g => g.ToList());

            // Denominators are monthly, so weekly series show counts and shares but no rate.
            var denominators = request.Kind == PeriodKind.Month
                ? await db.Denominators.AsNoTracking().Where(d => d.Month >= from && (divisionId == null || d.DivisionId == divisionId)).ToListAsync(cancellationToken)
                : [];
            var basis = divisionId is { } did ? divisions.SingleOrDefault(d => d.Id == did)?.RateBasis ?? RateBasis.BedDays : RateBasis.BedDays;
            var small = divisionId is not null; // the organisation's numbers are large: suppression matters in divisions

            double? Count(int value) => small && SmallNumbers.IsHidden(value) ? null : value;
            double? Share(int part, int whole) => whole == 0 || (small && (whole < SmallNumbers.SmallestShown || SmallNumbers.IsHidden(part))) ? null : Math.Round(100.0 * part / whole, 1);

            var values = new Dictionary<string, List<double?>>();
            foreach (var m in Measures)
            {
                values[m.Key] = [];
            }

            foreach (var period in periods)
            {
                var rows = byPeriod.GetValueOrDefault(period.Start) ?? [];
                int Sum(Func<CultureRollup, int> field) => rows.Sum(field);
                var reports = Sum(r => r.Reports);
                values["reports"].Add(Count(reports));
                var monthDenominators = denominators.Where(d => d.Month == period.Start).ToList();
                values["rate"].Add(Rate(reports, monthDenominators, basis, small));
                values["low-harm"].Add(Share(Sum(r => r.NoOrLowHarm), reports));
                values["near-miss"].Add(Share(Sum(r => r.NearMisses), reports));
                values["non-clinical"].Add(Share(Sum(r => r.NonClinicalReporters), reports));
                values["anonymous"].Add(Share(Sum(r => r.Anonymous), reports));
                var acknowledged = Sum(r => r.Acknowledged);
                values["acknowledge"].Add(acknowledged == 0 || (small && acknowledged < SmallNumbers.SmallestShown) ? null : Median(rows.Select(r => r.AcknowledgementDays)));
                values["feedback"].Add(Share(Sum(r => r.FeedbackOnTime), Sum(r => r.FeedbackDue)));
                values["good-practice"].Add(Count(Sum(r => r.GoodPractice)));
                values["severe"].Add(Count(Sum(r => r.SevereOrFatal)));
            }

            var quarters = await AddSpeakingUpAsync(values, periods, divisionId is null, cancellationToken);

            var annotations = await db.Annotations.AsNoTracking().Where(a => a.On >= from).OrderBy(a => a.On).ToListAsync(cancellationToken);
            var recalculate = annotations.Where(a => a.RecalculateLimits)
                .Select(a => periods.FindIndex(p => p.End > a.On)).Where(i => i > 0).ToList();
            var targets = await CultureTargets.ReadAsync(db, cancellationToken);
            var recalculateQuarters = annotations.Where(a => a.RecalculateLimits)
                .Select(a => quarters.ToList().FindIndex(q => q.End > a.On)).Where(i => i > 0).ToList();
            var series = Measures.Select(m =>
            {
                var quarterly = SpeakingUpKeys.Contains(m.Key);
                var spc = Spc.Analyse(values[m.Key], m.Direction, quarterly ? recalculateQuarters : recalculate, m.Lowest, m.Highest);
                var points = quarterly
                    ? quarters.Select((q, i) => new Point(q.Start, q.Key, values[m.Key][i], spc[i])).ToList()
                    : periods.Select((p, i) => new Point(p.Start, Label(p), values[m.Key][i], spc[i])).ToList();
                double? target = targets.TryGetValue(m.Key, out var t) ? t : null;
                return new Series(m, points, Spc.Latest(spc), Reading(m, points), target, Spc.Assure(spc, target, m.Direction));
            }).ToList();

            var peers = divisionId is null && request.Kind == PeriodKind.Month ? await PeersAsync(series.Single(s => s.Measure.Key == "rate"), cancellationToken) : null;
            return new Result(scopeName, request.Kind, series, [.. annotations.Select(a => new Marker(a.On, a.Text, a.RecalculateLimits))],
                Summary(series), peers,
                [("org", "Whole organisation"), .. divisions.Select(d => (Digest.DivisionScope(d.Id), d.Name))]);
        }

        /// <summary>
        /// Speaking-up measures, for the whole organisation only (cases are few: by division they would
        /// point at people), per quarter whatever the page's period, as the National Guardian's Office
        /// counts them (monthly, most points would be hidden). The whole quarters the page's span starts
        /// in or after, and the quarter in progress. Counted per day in the database, then summed; every
        /// count of 1 to 4, and every share built on one, is suppressed.
        /// </summary>
        private async Task<IReadOnlyList<Quarter>> AddSpeakingUpAsync(Dictionary<string, List<double?>> values, List<Period> periods, bool wholeOrganisation, CancellationToken cancellationToken)
        {
            var quarters = Quarter.Covering(periods[0].Start, periods[^1].End).Where(q => q.Start >= periods[0].Start).ToList();
            if (quarters.Count == 0)
            {
                quarters.Add(Quarter.Of(periods[^1].Start));
            }

            if (!wholeOrganisation)
            {
                foreach (var key in SpeakingUpKeys)
                {
                    values[key].AddRange(quarters.Select(_ => (double?)null));
                }

                return quarters;
            }

            var from = quarters[0].Start;
            var to = quarters[^1].End;
            var cases = await db.SpeakUpCases.AsNoTracking().Where(c => c.ReceivedOn >= from && c.ReceivedOn < to)
                .GroupBy(c => c.ReceivedOn)
                .Select(g => new
                {
                    Day = g.Key,
                    Cases = g.Count(),
                    Anonymous = g.Count(c => c.Openness == SpeakUpOpenness.Anonymous),
                    Detriment = g.Count(c => c.DetrimentIndicated),
                    Reasons = g.Count(c => c.WhyAnonymous != null),
                    Fear = g.Count(c => c.WhyAnonymous == WhyAnonymous.UsedAgainstMe),
                })
                .ToListAsync(cancellationToken);
            var reasons = await db.Reports.AsNoTracking().Where(r => r.WhyAnonymous != null && r.ReceivedOn >= from && r.ReceivedOn < to)
                .GroupBy(r => r.ReceivedOn)
                .Select(g => new { Day = g.Key, Reasons = g.Count(), Fear = g.Count(r => r.WhyAnonymous == WhyAnonymous.UsedAgainstMe) })
                .ToListAsync(cancellationToken);

            static double? Count(int value) => SmallNumbers.IsHidden(value) ? null : value;
            static double? Share(int part, int whole) =>
                whole == 0 || whole < SmallNumbers.SmallestShown || SmallNumbers.IsHidden(part) || SmallNumbers.IsHidden(whole - part) ? null : Math.Round(100.0 * part / whole, 1);
            foreach (var quarter in quarters)
            {
                var inCases = cases.Where(c => c.Day >= quarter.Start && c.Day < quarter.End).ToList();
                var inReports = reasons.Where(r => r.Day >= quarter.Start && r.Day < quarter.End).ToList();
                var total = inCases.Sum(c => c.Cases);
                values["fear"].Add(Share(inCases.Sum(c => c.Fear) + inReports.Sum(r => r.Fear), inCases.Sum(c => c.Reasons) + inReports.Sum(r => r.Reasons)));
                values["speak-up"].Add(Count(total));
                values["speak-up-anonymous"].Add(Share(inCases.Sum(c => c.Anonymous), total));
                values["speak-up-detriment"].Add(Share(inCases.Sum(c => c.Detriment), total));
            }

            return quarters;
        }

        private static double? Rate(int reports, List<Denominator> denominators, RateBasis basis, bool small)
        {
            if (small && SmallNumbers.IsHidden(reports))
            {
                return null;
            }

            var bedDays = denominators.Sum(d => d.BedDays ?? 0);
            var staff = denominators.Sum(d => d.StaffWte ?? 0m);
            return basis == RateBasis.BedDays && bedDays > 0 ? Math.Round(1000.0 * reports / bedDays, 2)
                : staff > 0 ? Math.Round(100.0 * reports / (double)staff, 2)
                : bedDays > 0 ? Math.Round(1000.0 * reports / bedDays, 2)
                : null;
        }

        private async Task<PeerStanding?> PeersAsync(Series rate, CancellationToken cancellationToken)
        {
            var group = settings.Value.PeerGroup;
            var own = rate.Points.LastOrDefault(p => p.Value is not null);
            if (string.IsNullOrWhiteSpace(group) || own is null)
            {
                return null;
            }

            var peers = await db.PeerRates.AsNoTracking().Where(p => p.PeerGroup == group && p.Month == own.Start).Select(p => p.RatePer1000BedDays).ToListAsync(cancellationToken);
            if (peers.Count == 0)
            {
                return null;
            }

            var all = peers.Select(p => (double)p).Append(own.Value!.Value).OrderByDescending(v => v).ToList();
            var rank = all.IndexOf(own.Value!.Value) + 1;
            var sorted = peers.Select(p => (double)p).Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            var below = peers.Count(p => (double)p < own.Value!.Value);
            return new PeerStanding(group, own.Label, own.Value!.Value, median, rank, all.Count, (int)Math.Round(100.0 * below / peers.Count));
        }
    }

    public static string Label(Period period) => period.Kind == PeriodKind.Month
        ? period.Start.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"))
        : period.Start.ToString("d MMM yy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>The median of a histogram of "days:count" pairs, summed across rows.</summary>
    public static double? Median(IEnumerable<string> histograms)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var pair in histograms.SelectMany(h => h.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            var parts = pair.Split(':');
            var days = int.Parse(parts[0], CultureInfo.InvariantCulture);
            counts[days] = counts.GetValueOrDefault(days) + int.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        var total = counts.Values.Sum();
        if (total == 0)
        {
            return null;
        }

        double At(int position)
        {
            var seen = 0;
            foreach (var (days, count) in counts)
            {
                seen += count;
                if (seen > position)
                {
                    return days;
                }
            }

            return counts.Keys.Last();
        }

        return total % 2 == 1 ? At(total / 2) : (At((total / 2) - 1) + At(total / 2)) / 2;
    }

    /// <summary>One line in plain English under each chart.</summary>
    public static string Reading(Measure measure, IReadOnlyList<Point> points)
    {
        var last = points.LastOrDefault(p => p.Value is not null);
        if (last is null)
        {
            return $"{measure.Name}: no figures yet (or too few to show without identifying anyone).";
        }

        var value = $"{last.Value:0.##}{(measure.Unit.StartsWith('%') ? "%" : "")}";
        var mean = last.Spc.Mean is { } m ? $", against an average of {m:0.##}{(measure.Unit.StartsWith('%') ? "%" : "")}" : "";
        var signal = last.Spc.Variation switch
        {
            Variation.Improvement => "a real change for the better, not chance.",
            Variation.Concern => "a real change for the worse, not chance: look into it.",
            Variation.Neutral => "a real change, not chance, though neither way is better in itself.",
            Variation.CommonCause => "within the usual ups and downs.",
            _ => "too few periods yet to tell a real change from chance.",
        };
        return $"{measure.Name}: {value} in {last.Label}{mean}: {signal}";
    }

    /// <summary>The few signals that changed, for the top of the page.</summary>
    public static IReadOnlyList<string> Summary(IReadOnlyList<Series> series)
    {
        var lines = new List<string>();
        var reports = series.Single(s => s.Measure.Key == "reports");
        var severe = series.Single(s => s.Measure.Key == "severe");
        var reportsRising = reports.Variation == Variation.Improvement;
        var reportsFalling = reports.Variation == Variation.Concern;
        if (reportsRising && severe.Variation != Variation.Concern)
        {
            lines.Add("More open reporting: reports are rising while severe harm is not. Staff are speaking up more.");
        }
        else if (reportsRising)
        {
            lines.Add("Reports are rising, and so is severe harm: look at what is behind the severe harm.");
        }
        else if (reportsFalling)
        {
            lines.Add("Reporting is falling. This is a warning, not a success: staff may be losing trust or giving up on being heard.");
        }

        lines.AddRange(series.Where(s => s.Measure.Key is not "reports" && s.Variation is Variation.Improvement or Variation.Concern)
            .Select(s => $"{s.Measure.Name}: {(s.Variation == Variation.Improvement ? "improving" : "getting worse")}."));
        if (lines.Count == 0)
        {
            lines.Add("No measure has changed beyond its usual ups and downs.");
        }

        return lines;
    }
}
