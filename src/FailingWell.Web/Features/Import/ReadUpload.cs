namespace FailingWell.Web.Features.Import;

/// <summary>What the mapping page shows of an upload: its headings, the mapping, a preview as stored and each listed column's words with their counts.</summary>
public static class ReadUpload
{
    public const int PreviewRows = 5;

    public sealed record Query(Guid UploadId) : IRequest<Result?>;

    public sealed record Choice(string Value, string Text);

    public sealed record Preview(int Line, Report? Report, IReadOnlyList<ImportProblem> Problems);

    public sealed record Word(string Text, int Count, string? Target);

    public sealed record Result(
        Guid UploadId,
        string SourceSystem,
        string FileName,
        bool HasSavedMapping,
        IReadOnlyList<string> Headings,
        ImportMap Map,
        IReadOnlyList<Preview> Previews,
        IReadOnlyDictionary<ImportField, IReadOnlyList<Word>> Words,
        IReadOnlyDictionary<ImportField, IReadOnlyList<Choice>> Options,
        IReadOnlyDictionary<int, string> LocationNames,
        IReadOnlyDictionary<int, string> CategoryNames);

    /// <summary>How many different words a listed column may have before it is not offered for mapping.</summary>
    public const int MaxWords = 200;

    public sealed class Handler(FailingWellDbContext db, ImportEngine engine) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            using var source = await ImportSource.OpenAsync(db, request.UploadId, null, null, cancellationToken);
            if (source is null)
            {
                return null;
            }

            var hasSaved = await db.ImportMappings.AnyAsync(m => m.SourceSystem == source.System, cancellationToken);
            var context = await engine.ContextFor(source.File, source.Map, source.System, cancellationToken);
            var previews = new List<Preview>();
            var counts = ImportMap.ListFields.Where(context.Columns.ContainsKey).ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase));
            foreach (var row in source.File.Rows())
            {
                if (previews.Count < PreviewRows)
                {
                    var problems = new List<ImportProblem>();
                    previews.Add(new Preview(row.Line, ImportEngine.Read(context, row, problems.Add, (_, _) => { }), problems));
                }

                foreach (var (field, found) in counts)
                {
                    var word = row.Cell(context.Columns[field]).Trim();
                    if (found.Count < MaxWords || found.ContainsKey(word))
                    {
                        found[word] = found.GetValueOrDefault(word) + 1;
                    }
                }
            }

            var divisions = await db.Divisions.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync(cancellationToken);
            var locations = await db.Locations.AsNoTracking().OrderBy(l => l.Division!.SortOrder).ThenBy(l => l.SortOrder)
                .Select(l => new { l.Id, l.Name, Division = l.Division!.Name }).ToListAsync(cancellationToken);
            var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
            var options = new Dictionary<ImportField, IReadOnlyList<Choice>>
            {
                [ImportField.Harm] = [.. Enum.GetValues<PhysicalHarm>().Select(h => new Choice(h.ToString(), $"{h} harm"))],
                [ImportField.Kind] = [.. Enum.GetValues<ReportKind>().Select(k => new Choice(k.ToString(), k switch
                {
                    ReportKind.NearMiss => "Near miss",
                    ReportKind.GoodPractice => "Good practice",
                    _ => k.ToString(),
                }))],
                [ImportField.Status] = [.. Enum.GetValues<ReportStatus>().Select(s => new Choice(s.ToString(), s == ReportStatus.UnderReview ? "Under review" : s.ToString()))],
                [ImportField.Location] = [
                    .. locations.Select(l => new Choice(l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{l.Name} ({l.Division})")),
                    .. divisions.Select(d => new Choice(SaveMapping.NewIn + d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Create it in {d.Name}"))],
                [ImportField.Category] = [
                    .. categories.Select(c => new Choice(c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name)),
                    .. Enum.GetValues<GovernanceStream>().Select(s => new Choice(SaveMapping.NewIn + s, $"Create it ({s.Describe()})"))],
            };
            var words = counts.ToDictionary(c => c.Key, c => (IReadOnlyList<Word>)[.. c.Value.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal)
                .Select(w => new Word(w.Key, w.Value, source.Map.ValueFor(c.Key, w.Key)))]);
            return new Result(source.Upload!.Id, source.System, source.Upload.FileName, hasSaved, source.File.Headings, source.Map, previews, words, options,
                locations.ToDictionary(l => l.Id, l => l.Name), categories.ToDictionary(c => c.Id, c => c.Name));
        }
    }
}
