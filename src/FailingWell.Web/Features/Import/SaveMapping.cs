using Microsoft.AspNetCore.Mvc.ModelBinding;
using System.Globalization;

namespace FailingWell.Web.Features.Import;

/// <summary>
/// Saves a system's mapping, columns or words, for this upload and the next export from the same
/// system; creates the locations and categories an admin chose to create.
/// </summary>
public static class SaveMapping
{
    /// <summary>A target that creates the word as a new item: in a division (locations) or a stream (categories).</summary>
    public const string NewIn = "new:";

    public sealed class ColumnChoice
    {
        public ImportField Field { get; set; }

        public string? Heading { get; set; }
    }

    public sealed class WordChoice
    {
        public ImportField Field { get; set; }

        public string? Word { get; set; }

        public string? Target { get; set; }
    }

    public sealed class Command : Change<int>
    {
        [BindNever]
        public Guid UploadId { get; set; }

        /// <summary>Set when the columns are saved; null when only the words are.</summary>
        public List<ColumnChoice>? Columns { get; set; }

        public string? DateFormat { get; set; }

        public List<WordChoice> Words { get; set; } = [];

        /// <summary>The admin's deliberate choice to keep reporters' names or emails from the file.</summary>
        public bool KeepReporterDetails { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DateFormat).Must(f => f is null || ImportMap.DateFormats.ContainsKey(f)).WithMessage("Choose how the file writes its dates");
            RuleFor(c => c.KeepReporterDetails).Equal(true)
                .When(c => c.Columns is not null && c.Columns.Any(col => ImportMap.Identifying.Contains(col.Field) && !string.IsNullOrWhiteSpace(col.Heading)))
                .WithMessage("Tick that you mean to keep reporters' names or emails, or leave those fields unmapped");
            RuleForEach(c => c.Columns).Must(c => Enum.IsDefined(c.Field) && (c.Heading is null || c.Heading.Length <= 500)).WithMessage("Choose one of the file's headings");
            RuleForEach(c => c.Words).Must(w => ImportMap.ListFields.Contains(w.Field) && (w.Word ?? "").Length <= 500 && (w.Target ?? "").Length <= 100)
                .WithMessage("Choose one of the values offered");
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var upload = await db.ImportUploads.AsNoTracking().Where(u => u.Id == request.UploadId).Select(u => new { u.SourceSystem }).SingleOrDefaultAsync(cancellationToken)
                ?? throw RequestValidationException.For(request, "", "That upload has gone (imported, discarded or left over a day): upload the file again");
            var saved = await db.ImportMappings.SingleOrDefaultAsync(m => m.SourceSystem == upload.SourceSystem, cancellationToken);
            var map = saved is null ? new ImportMap() : ImportMap.FromJson(saved.Definition);
            if (request.Columns is not null)
            {
                map.Columns = request.Columns.Where(c => !string.IsNullOrWhiteSpace(c.Heading) && Enum.IsDefined(c.Field))
                    .GroupBy(c => c.Field).ToDictionary(g => g.Key, g => g.First().Heading!.Trim());
                map.DateFormat = request.DateFormat ?? map.DateFormat;
            }

            foreach (var choice in request.Words.Where(w => ImportMap.ListFields.Contains(w.Field)))
            {
                var values = map.Values.TryGetValue(choice.Field, out var v) ? v : map.Values[choice.Field] = [];
                var key = ImportMap.Key(choice.Word);
                var target = (choice.Target ?? "").Trim();
                if (target.StartsWith(NewIn, StringComparison.Ordinal))
                {
                    target = await CreateAsync(choice.Field, (choice.Word ?? "").Trim(), target[NewIn.Length..], cancellationToken) ?? "";
                }

                if (target.Length == 0)
                {
                    values.Remove(key);
                }
                else
                {
                    values[key] = target;
                }
            }

            if (saved is null)
            {
                saved = new ImportMapping { SourceSystem = upload.SourceSystem };
                db.ImportMappings.Add(saved);
            }

            saved.Definition = map.ToJson();
            saved.SavedOn = time.Today;
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"Saved the import mapping for {upload.SourceSystem}"
                + (map.Columns.Keys.Any(ImportMap.Identifying.Contains) ? ", keeping reporters' names or emails from the file" : "");
            return saved.Id;
        }

        // The word becomes a new location or category; one of that name already there is used instead.
        private async Task<string?> CreateAsync(ImportField field, string word, string where, CancellationToken cancellationToken)
        {
            var name = word.Length > 100 ? word[..100] : word;
            if (name.Length == 0)
            {
                return null;
            }

            if (field == ImportField.Location && int.TryParse(where, NumberStyles.None, CultureInfo.InvariantCulture, out var divisionId)
                && await db.Divisions.AnyAsync(d => d.Id == divisionId, cancellationToken))
            {
                var location = await db.Locations.FirstOrDefaultAsync(l => l.DivisionId == divisionId && l.Name == name, cancellationToken);
                if (location is null)
                {
                    var order = await db.Locations.Where(l => l.DivisionId == divisionId).MaxAsync(l => (int?)l.SortOrder, cancellationToken) ?? 0;
                    location = new Location { DivisionId = divisionId, Name = name, SortOrder = order + 1 };
                    db.Locations.Add(location);
                    await db.SaveChangesAsync(cancellationToken);
                }

                return location.Id.ToString(CultureInfo.InvariantCulture);
            }

            if (field == ImportField.Category && Enum.TryParse<GovernanceStream>(where, out var stream) && Enum.IsDefined(stream))
            {
                var category = await db.Categories.FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
                if (category is null)
                {
                    var order = await db.Categories.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0;
                    category = new Category { Name = name, DefaultStream = stream, SortOrder = order + 1 };
                    db.Categories.Add(category);
                    await db.SaveChangesAsync(cancellationToken);
                }

                return category.Id.ToString(CultureInfo.InvariantCulture);
            }

            return null;
        }
    }
}
