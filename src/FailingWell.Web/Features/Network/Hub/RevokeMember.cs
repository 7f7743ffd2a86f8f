namespace FailingWell.Web.Features.Network.Hub;

/// <summary>Hub side: a member's key stops working; what it published stays in the library.</summary>
public static class RevokeMember
{
    public sealed class Command : Change<Unit>
    {
        public int MemberId { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var member = await db.HubMembers.SingleOrRefuseAsync(m => m.Id == request.MemberId, request, "That member does not exist.", cancellationToken);
            member.RevokedOn ??= clock.GetUtcNow();
            request.AuditAction = $"Network member {member.Id}: key revoked";
            return Unit.Value;
        }
    }
}
