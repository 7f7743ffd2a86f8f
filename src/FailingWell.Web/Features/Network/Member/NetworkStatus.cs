using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>/admin/network: this site's part in a network, when the hub last answered, and what waits in the outbox.</summary>
public static class NetworkStatus
{
    public sealed record Query : IRequest<View>;

    public sealed record Waiting(Guid Id, string Kind, DateOnly CreatedOn, int Attempts, bool Failed, DateTime NextAttemptOn, string? LastError);

    public sealed record View(NetworkRole Role, Uri? HubUrl, int MemberId, string OrganisationName, DateTime? LastContactUtc, DateTime? LastPullUtc,
        string? LastError, int Sent, IReadOnlyList<Waiting> Waiting, int LibraryNotes);

    public sealed class Handler(FailingWellDbContext db, IOptions<NetworkSettings> options) : IRequestHandler<Query, View>
    {
        public async Task<View> Handle(Query request, CancellationToken cancellationToken)
        {
            var settings = options.Value;
            var contact = await db.NetworkContacts.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            var waiting = await db.NetworkOutboxMessages.AsNoTracking().Where(m => m.SentOn == null).OrderBy(m => m.CreatedOn).Take(200)
                .Select(m => new Waiting(m.Id, m.Kind, m.CreatedOn, m.Attempts, m.Failed, m.NextAttemptOn, m.LastError)).ToListAsync(cancellationToken);
            return new View(settings.Role, settings.HubUrl, settings.MemberId, settings.OrganisationName, contact?.LastContactUtc, contact?.LastPullUtc, contact?.LastError,
                await db.NetworkOutboxMessages.CountAsync(m => m.SentOn != null, cancellationToken), waiting,
                await db.NetworkNotes.CountAsync(cancellationToken));
        }
    }
}
