namespace FailingWell.Web.Features.Import;

/// <summary>Where an import's file and mapping come from: an upload (the page) or a file and a saved mapping's name (the command line).</summary>
public static class ImportSource
{
    public sealed record Opened(ImportFile File, ImportMap Map, string System, string Sha256, ImportUpload? Upload) : IDisposable
    {
        public void Dispose() => File.Dispose();
    }

    public static async Task<Opened?> OpenAsync(FailingWellDbContext db, Guid? uploadId, string? path, string? mappingName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (uploadId is { } id)
        {
            var upload = await db.ImportUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (upload is null)
            {
                return null;
            }

            var saved = await db.ImportMappings.AsNoTracking().SingleOrDefaultAsync(m => m.SourceSystem == upload.SourceSystem, cancellationToken);
            var file = ImportFile.Open(new MemoryStream(upload.Content, writable: false), upload.FileName);
            return new Opened(file, saved is null ? ImportMap.Guess(file.Headings) : ImportMap.FromJson(saved.Definition), upload.SourceSystem, upload.Sha256, upload);
        }

        var mapping = await db.ImportMappings.AsNoTracking().SingleOrDefaultAsync(m => m.SourceSystem == mappingName, cancellationToken);
        if (mapping is null || path is null || !File.Exists(path))
        {
            return null;
        }

        string sha;
        await using (var hashing = File.OpenRead(path))
        {
            sha = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(hashing, cancellationToken));
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return new Opened(ImportFile.Open(stream, path), ImportMap.FromJson(mapping.Definition), mapping.SourceSystem, sha, null);
    }
}
