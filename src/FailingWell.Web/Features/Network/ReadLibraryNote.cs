using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network;

/// <summary>/network/library/{id}: one note from the network.</summary>
public static class ReadLibraryNote
{
    public sealed record Query(int Id) : IRequest<NetworkNote?>;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, NetworkNote?>
    {
        public Task<NetworkNote?> Handle(Query request, CancellationToken cancellationToken) =>
            db.NetworkNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.Id, cancellationToken);
    }
}
