namespace FailingWell.Web.Features.Culture;

/// <summary>Takes an event off the timeline.</summary>
public static class RemoveAnnotation
{
    public sealed class Command : Change<Unit>
    {
        public int AnnotationId { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var annotation = await db.Annotations.SingleOrRefuseAsync(a => a.Id == request.AnnotationId, request, "That event no longer exists.", cancellationToken);
            db.Annotations.Remove(annotation);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"Removed timeline event '{annotation.Text}'";
            return Unit.Value;
        }
    }
}
