namespace FailingWell.Web.Features.Import;

/// <summary>Deletes an uploaded export that will not be imported.</summary>
public static class DiscardUpload
{
    public sealed class Command : Change<int>
    {
        public Guid UploadId { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var deleted = await db.ImportUploads.Where(u => u.Id == request.UploadId).ExecuteDeleteAsync(cancellationToken);
            request.AuditAction = "Discarded an uploaded export without importing it";
            return deleted;
        }
    }
}
