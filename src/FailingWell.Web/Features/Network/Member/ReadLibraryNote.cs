using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>/network/library/{id}: one note from the network.</summary>
public static class ReadLibraryNote
{
    public sealed record Query(int Id) : IRequest<NetworkNote?>;

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Query, NetworkNote?>
    {
        public async Task<NetworkNote?> Handle(Query request, CancellationToken cancellationToken)
        {
            // Reading is the one thing the insularity signal counts that leaves no other trace: the day is kept
            // (one conditional update, never who read it).
            var today = time.Today;
            await db.NetworkNotes.Where(n => n.Id == request.Id && (n.LastReadOn == null || n.LastReadOn < today))
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.LastReadOn, today), cancellationToken);
            return await db.NetworkNotes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == request.Id, cancellationToken);
        }
    }
}
