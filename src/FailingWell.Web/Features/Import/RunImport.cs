using FailingWell.Web.Features.Culture;
using FluentValidation.Results;

namespace FailingWell.Web.Features.Import;

/// <summary>
/// The import: every new row in one transaction, or nothing when any row has a problem; the culture
/// roll-ups recounted in the same transaction; audited by who, the file's hash and the counts, never
/// its contents.
/// </summary>
public static class RunImport
{
    public sealed class Command : Change<ImportCheck>
    {
        public Guid? UploadId { get; set; }

        public string? FilePath { get; set; }

        public string? MappingName { get; set; }

        /// <summary>Where the command line prints how far a long import has gone (counts only).</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        [System.Text.Json.Serialization.JsonIgnore]
        public IProgress<string>? Progress { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db, ImportEngine engine, CultureRollups rollups) : IRequestHandler<Command, ImportCheck>
    {
        public async Task<ImportCheck> Handle(Command request, CancellationToken cancellationToken)
        {
            using var source = await ImportSource.OpenAsync(db, request.UploadId, request.FilePath, request.MappingName, cancellationToken)
                ?? throw RequestValidationException.For(request, "File", request.UploadId is null
                    ? "There is no such file, or no saved mapping by that name"
                    : "That upload has gone (imported, discarded or left over a day): upload the file again");
            var check = await engine.ImportAsync(source.File, source.Map, source.System, cancellationToken, request.Progress);
            if (check.ProblemCount > 0)
            {
                throw new RequestValidationException(typeof(Command), check.Problems.Take(50).Select(p => new ValidationFailure("File", p.ToString())));
            }

            if (check.New > 0 && check.Earliest is { } earliest)
            {
                await rollups.RecountAsync(earliest, cancellationToken);
            }

            if (source.Upload is { } upload)
            {
                await db.ImportUploads.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(cancellationToken);
            }

            request.AuditAction = $"Imported {check.New:N0} reports from {source.System} ({check.Rows:N0} rows, {check.AlreadyHere:N0} already here; file SHA-256 {source.Sha256})";
            return check;
        }
    }
}
