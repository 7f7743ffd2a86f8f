using FailingWell.Web.Features.Triage;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Import;

/// <summary>What a check of an export found: the same for a dry run and for the import that follows it.</summary>
public sealed record ImportCheck(
    int Rows,
    int New,
    int AlreadyHere,
    IReadOnlyList<ImportProblem> Problems,
    int ProblemCount,
    IReadOnlyDictionary<ImportField, IReadOnlyList<KeyValuePair<string, int>>> Unknown,
    DateOnly? Earliest,
    DateOnly? Latest)
{
    /// <summary>The problems a page lists; the rest are counted.</summary>
    public const int ListedProblems = 500;
}

/// <summary>
/// The one code path of an import, for the page and the command line: reads every row through the
/// mapping, checks it, and only when no row has a problem adds the rows not already here, inside the
/// command's one transaction (decision 0130). Rows stream from the file twice (check, then add), so
/// memory holds the source references, not the reports.
/// </summary>
public sealed class ImportEngine(FailingWellDbContext db, IOptions<TriageSettings> triage, UkTime time)
{
    private const int Batch = 5_000;

    public async Task<ImportCheck> CheckAsync(ImportFile file, ImportMap map, string system, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var context = await ContextFor(file, map, system, cancellationToken);
        var check = new Checker(context);
        foreach (var row in file.Rows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            check.Add(row, Read(context, row, check.Problem, check.Unknown));
        }

        if (file.Broken is { } broken)
        {
            check.Problem(broken);
        }

        return check.Result();
    }

    /// <summary>Checks, then adds every new row or, when any row has a problem, nothing (the problems are the returned check's).</summary>
    public async Task<ImportCheck> ImportAsync(ImportFile file, ImportMap map, string system, CancellationToken cancellationToken, IProgress<string>? progress = null)
    {
        var check = await CheckAsync(file, map, system, cancellationToken);
        if (check.ProblemCount > 0 || check.New == 0)
        {
            return check;
        }

        progress?.Report($"Checked {check.Rows:N0} rows: no problems, {check.New:N0} new. Writing them in one transaction.");
        var context = await ContextFor(file, map, system, cancellationToken);
        var references = new ReferenceDraw(db);
        var written = 0;
        var batch = new List<Report>(Batch);
        foreach (var row in file.Rows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Read(context, row, _ => { }, (_, _) => { }) is not { } report || !context.NotHere(report.SourceReference!))
            {
                continue;
            }

            await references.AssignAsync(report, cancellationToken);
            batch.Add(report);
            if (batch.Count == Batch)
            {
                await ImportWriter.WriteAsync(db, batch, cancellationToken);
                written += batch.Count;
                batch.Clear();
                progress?.Report($"Wrote {written:N0} of {check.New:N0} (not committed yet).");
            }
        }

        await ImportWriter.WriteAsync(db, batch, cancellationToken);
        return check;
    }

    public async Task<Context> ContextFor(ImportFile file, ImportMap map, string system, CancellationToken cancellationToken)
    {
        var locations = await db.Locations.AsNoTracking().Select(l => new { l.Id, l.DivisionId }).ToDictionaryAsync(l => l.Id, l => l.DivisionId, cancellationToken);
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.DefaultStream }).ToDictionaryAsync(c => c.Id, c => c.DefaultStream, cancellationToken);
        var existing = (await db.Reports.AsNoTracking().Where(r => r.SourceSystem == system).Select(r => r.SourceReference!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var columns = new Dictionary<ImportField, int>();
        foreach (var (field, heading) in map.Columns)
        {
            var index = file.Headings.ToList().FindIndex(h => string.Equals(h, heading, StringComparison.OrdinalIgnoreCase));
            columns[field] = index;
        }

        return new Context(map, system, columns, file.Headings, locations, categories, existing, triage.Value.Deadlines, time.Today);
    }

    /// <summary>A row as the report it will be stored as, or null with its problems told.</summary>
    public static Report? Read(Context context, SourceRow row, Action<ImportProblem> problem, Action<ImportField, string> unknown)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(unknown);
        var ok = true;
        void Fail(ImportField field, string message)
        {
            ok = false;
            problem(new ImportProblem(row.Line, context.Heading(field), message));
        }

        string Cell(ImportField field) => context.Columns.TryGetValue(field, out var i) ? row.Cell(i).Trim() : "";
        string? Text(ImportField field, int limit)
        {
            var text = Cell(field);
            if (text.Length > limit)
            {
                Fail(field, $"is {text.Length:N0} characters long; the most is {limit:N0}");
            }

            return text.Length == 0 ? null : text;
        }

        T? Listed<T>(ImportField field, T? unmapped, Func<string, T?> parse)
            where T : struct
        {
            if (!context.Columns.ContainsKey(field))
            {
                return unmapped;
            }

            var word = Cell(field);
            if (context.Map.ValueFor(field, word) is { } value && parse(value) is { } parsed)
            {
                return parsed;
            }

            unknown(field, word);
            Fail(field, word.Length == 0 ? $"is blank, and a blank {ImportMap.Describe(field).ToLowerInvariant()} has no mapping" : $"'{Shorten(word)}' has no mapping");
            return null;
        }

        var reference = Text(ImportField.SourceReference, ImportedReport.SourceReferenceLength);
        if (reference is null)
        {
            Fail(ImportField.SourceReference, "has no reference, so a second import could not tell this row is here already");
        }

        (DateOnly Date, TimeBand? Band)? DateOf(ImportField field, bool required)
        {
            var text = Cell(field);
            if (text.Length == 0)
            {
                if (required)
                {
                    Fail(field, "has no date");
                }

                return null;
            }

            if (context.Map.ParseDate(text) is not { } date)
            {
                Fail(field, $"'{Shorten(text)}' is not a date like {context.Map.DateExample}");
                return null;
            }

            if (date.Date > context.Today)
            {
                Fail(field, $"{date.Date:d MMM yyyy} is in the future");
                return null;
            }

            return date;
        }

        var occurred = DateOf(ImportField.OccurredOn, true);
        var reported = DateOf(ImportField.ReportedOn, false);
        var closed = DateOf(ImportField.ClosedOn, false);
        if (occurred is { } o && reported is { } r && r.Date < o.Date)
        {
            Fail(ImportField.ReportedOn, "is before the day it happened");
        }

        var description = Text(ImportField.Description, TextLimit.Characters);
        if (description is null)
        {
            Fail(ImportField.Description, "has no description of what happened");
        }

        var action = Text(ImportField.ActionTaken, TextLimit.Characters);
        var name = Text(ImportField.ReporterName, 200);
        var email = Text(ImportField.ReporterEmail, 320);
        var harm = Listed<PhysicalHarm>(ImportField.Harm, PhysicalHarm.None, v => Enum.TryParse<PhysicalHarm>(v, out var h) && Enum.IsDefined(h) ? h : null);
        var kind = Listed<ReportKind>(ImportField.Kind, ReportKind.Incident, v => Enum.TryParse<ReportKind>(v, out var k) && Enum.IsDefined(k) ? k : null);
        var status = Listed<ReportStatus>(ImportField.Status, ReportStatus.Closed, v => Enum.TryParse<ReportStatus>(v, out var s) && Enum.IsDefined(s) ? s : null);
        var location = Listed<int>(ImportField.Location, null, v => int.TryParse(v, out var id) && context.Locations.ContainsKey(id) ? id : null);
        var category = Listed<int>(ImportField.Category, null, v => int.TryParse(v, out var id) && context.Categories.ContainsKey(id) ? id : null);
        if (!ok || reference is null || occurred is null || description is null || category is null)
        {
            return null;
        }

        var receivedOn = reported?.Date ?? occurred.Value.Date;
        var band = occurred.Value.Band ?? TimeBand.Morning;
        var deadlines = context.Deadlines;
        return new Report
        {
            IsImported = true,
            SourceSystem = context.System,
            SourceReference = reference,
            Kind = kind!.Value,
            WhatHappened = description,
            ImmediateAction = action,
            OccurredOn = occurred.Value.Date,
            OccurredBand = band,
            ReceivedOn = receivedOn,
            ReceivedBand = reported?.Band ?? band,
            LocationId = location,
            DivisionId = location is { } l ? context.Locations[l] : null,
            CategoryId = category.Value,
            Stream = context.Categories[category.Value],
            PersonAffected = kind == ReportKind.Incident ? PersonAffected.Patient : PersonAffected.Nobody,
            PhysicalHarm = harm!.Value,
            PsychologicalHarm = PsychologicalHarm.None,
            IsAnonymous = name is null && email is null,
            ReporterName = name,
            ReporterEmail = email,
            Status = status!.Value,
            AcknowledgeBy = deadlines.AcknowledgeBy(receivedOn),
            FeedbackBy = deadlines.FeedbackBy(receivedOn),
            ClosedOn = status == ReportStatus.Closed ? closed?.Date ?? receivedOn : null,
            SubmissionId = Guid.NewGuid(),
            ReceiptLocator = null,
            ReceiptSalt = [],
            ReceiptHash = [],
        };
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    /// <summary>What every row is read against: the map's columns and the lists as they are now.</summary>
    public sealed record Context(
        ImportMap Map,
        string System,
        IReadOnlyDictionary<ImportField, int> Columns,
        IReadOnlyList<string> Headings,
        IReadOnlyDictionary<int, int> Locations,
        IReadOnlyDictionary<int, GovernanceStream> Categories,
        HashSet<string> Existing,
        ReportDeadlines Deadlines,
        DateOnly Today)
    {
        public string Heading(ImportField field) => Columns.TryGetValue(field, out var i) && i >= 0 && i < Headings.Count ? Headings[i] : ImportMap.Describe(field);

        public bool NotHere(string reference) => !Existing.Contains(reference);
    }

    private sealed class Checker(Context context)
    {
        private readonly List<ImportProblem> problems = [];
        private readonly Dictionary<ImportField, Dictionary<string, int>> unknown = [];
        private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
        private int count;
        private int rows;
        private int fresh;
        private int here;
        private DateOnly? earliest;
        private DateOnly? latest;

        public void Problem(ImportProblem problem)
        {
            count++;
            if (problems.Count < ImportCheck.ListedProblems)
            {
                problems.Add(problem);
            }
        }

        public void Unknown(ImportField field, string word)
        {
            var values = unknown.TryGetValue(field, out var v) ? v : unknown[field] = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            values[word] = values.GetValueOrDefault(word) + 1;
        }

        public void Add(SourceRow row, Report? report)
        {
            rows++;
            if (report is null)
            {
                return;
            }

            if (!seen.TryAdd(report.SourceReference!, row.Line))
            {
                Problem(new ImportProblem(row.Line, context.Heading(ImportField.SourceReference),
                    $"'{report.SourceReference}' is also on line {seen[report.SourceReference!]}: each row needs its own reference"));
                return;
            }

            if (context.NotHere(report.SourceReference!))
            {
                fresh++;
            }
            else
            {
                here++;
            }

            earliest = earliest is null || report.ReceivedOn < earliest ? report.ReceivedOn : earliest;
            latest = latest is null || report.ReceivedOn > latest ? report.ReceivedOn : latest;
        }

        public ImportCheck Result()
        {
            foreach (var field in ImportMap.Required.Where(f => !context.Columns.ContainsKey(f)))
            {
                problems.Insert(0, new ImportProblem(1, "", $"choose the column for '{ImportMap.Describe(field)}'"));
                count++;
            }

            foreach (var (field, index) in context.Columns.Where(c => c.Value < 0))
            {
                problems.Insert(0, new ImportProblem(1, context.Map.Columns[field], $"the file has no column '{context.Map.Columns[field]}' for '{ImportMap.Describe(field)}'"));
                count++;
            }

            if (rows == 0)
            {
                problems.Add(new ImportProblem(2, "", "the file has no rows under its headings"));
                count++;
            }

            return new ImportCheck(rows, fresh, here, problems, count,
                unknown.ToDictionary(u => u.Key, u => (IReadOnlyList<KeyValuePair<string, int>>)[.. u.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)]),
                earliest, latest);
        }
    }

    /// <summary>Random references like live reports' (decision 0050), none already taken.</summary>
    private sealed class ReferenceDraw(FailingWellDbContext db)
    {
        private readonly Dictionary<int, HashSet<int>> taken = [];

        public async Task AssignAsync(Report report, CancellationToken cancellationToken)
        {
            var year = report.ReceivedOn.Year;
            if (!taken.TryGetValue(year, out var numbers))
            {
                numbers = [.. await db.Reports.AsNoTracking().Where(r => r.ReferenceYear == year).Select(r => r.ReferenceNumber).ToListAsync(cancellationToken)];
                taken[year] = numbers;
            }

            int number;
            do
            {
                number = ReportReference.DrawNumber();
            }
            while (!numbers.Add(number));
            report.ReferenceYear = year;
            report.ReferenceNumber = number;
            report.Reference = ReportReference.Format(year, number);
        }
    }
}
