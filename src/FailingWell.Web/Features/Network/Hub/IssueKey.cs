namespace FailingWell.Web.Features.Network.Hub;

/// <summary>Hub side: a new key for a member (the old one stops working at once; a revoked member is restored).</summary>
public static class IssueKey
{
    public sealed class Command : Change<IssuedKey>
    {
        public int MemberId { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db, TimeProvider clock, MemberKeys keys) : IRequestHandler<Command, IssuedKey>
    {
        public async Task<IssuedKey> Handle(Command request, CancellationToken cancellationToken)
        {
            var member = await db.HubMembers.SingleOrRefuseAsync(m => m.Id == request.MemberId, request, "That member does not exist.", cancellationToken);
            var key = NetworkSignature.NewKey();
            member.KeyHash = keys.Protect(key);
            member.IssuedOn = clock.GetUtcNow();
            member.RevokedOn = null;
            request.AuditAction = $"Network member {member.Id}: new key issued";
            return new IssuedKey(member.Id, member.Name, key);
        }
    }
}
