namespace FailingWell.Web.Features.Import;

/// <summary>The dry run: every problem by line and column, and how many rows are new, before anything is written.</summary>
public static class CheckImport
{
    public sealed record Query(Guid? UploadId, string? FilePath = null, string? MappingName = null) : IRequest<ImportCheck?>;

    public sealed class Handler(FailingWellDbContext db, ImportEngine engine) : IRequestHandler<Query, ImportCheck?>
    {
        public async Task<ImportCheck?> Handle(Query request, CancellationToken cancellationToken)
        {
            using var source = await ImportSource.OpenAsync(db, request.UploadId, request.FilePath, request.MappingName, cancellationToken);
            return source is null ? null : await engine.CheckAsync(source.File, source.Map, source.System, cancellationToken);
        }
    }
}
