using Microsoft.AspNetCore.Mvc.ModelBinding;
using System.Security.Cryptography;

namespace FailingWell.Web.Features.Import;

/// <summary>Keeps an uploaded export while an admin maps, checks and imports it (decision 0131).</summary>
public static class UploadExport
{
    /// <summary>The largest file the page takes; larger exports go through the command-line verb.</summary>
    public const int MaxBytes = 50 * 1024 * 1024;

    public sealed class Command : Change<Guid>
    {
        public string? SourceSystem { get; set; }

        [BindNever]
        public string FileName { get; set; } = "";

        [BindNever]
        public byte[] Content { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SourceSystem).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("Say which system the file comes from, like Datix")
                .MaximumLength(ImportedReport.SourceSystemLength).WithMessage($"Keep the system's name to {ImportedReport.SourceSystemLength} characters");
            RuleFor(c => c.FileName).Must(ImportFile.IsSupported).WithMessage("Choose a CSV (.csv) or Excel (.xlsx) file").OverridePropertyName("File");
            RuleFor(c => c.Content).Must(c => c.Length > 0).WithMessage("The file is empty").OverridePropertyName("File")
                .When(c => ImportFile.IsSupported(c.FileName));
        }
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken cancellationToken)
        {
            // A file left half-way through an import goes after a day: the next upload clears it.
            var today = time.Today;
            await db.ImportUploads.Where(u => u.UploadedOn < today.AddDays(-1)).ExecuteDeleteAsync(cancellationToken);
            var upload = new ImportUpload
            {
                Id = Guid.NewGuid(),
                SourceSystem = request.SourceSystem!.Trim(),
                FileName = Path.GetFileName(request.FileName) is { Length: > 0 and <= 200 } name ? name : "export" + Path.GetExtension(request.FileName),
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content)),
                Content = request.Content,
                UploadedOn = today,
            };
            db.ImportUploads.Add(upload);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"Uploaded an export from {upload.SourceSystem} to import (file SHA-256 {upload.Sha256})";
            return upload.Id;
        }
    }
}
