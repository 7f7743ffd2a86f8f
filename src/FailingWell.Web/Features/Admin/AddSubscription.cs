namespace FailingWell.Web.Features.Admin;

/// <summary>Sends someone the digest of one stream for the organisation or a division.</summary>
public static class AddSubscription
{
    public sealed class Command : Change<int>
    {
        public string? AccountId { get; set; }

        public GovernanceStream? Stream { get; set; }

        public string? Scope { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.AccountId)
                .MustAsync(async (id, ct) => !string.IsNullOrEmpty(id) && await db.Users.OfType<StaffAccount>().AnyAsync(u => u.Id == id && !u.IsDisabled, ct))
                .WithMessage("Choose who will receive it");
            RuleFor(c => c.Stream).Cascade(CascadeMode.Stop).NotNull().WithMessage("Choose a stream").IsInEnum().WithMessage("Choose a stream");
            RuleFor(c => c.Scope)
                .MustAsync(async (scope, ct) => scope == Digest.OrganisationScope
                    || (scope != null && await db.Divisions.AnyAsync(d => "division:" + d.Id == scope, ct)))
                .WithMessage("Choose the organisation or a division");
            RuleFor(c => c.AccountId)
                .MustAsync(async (c, id, ct) => !await db.DigestSubscriptions.AnyAsync(s => s.AccountId == id && s.Stream == c.Stream && s.ScopeKey == c.Scope, ct))
                .WithMessage("They already receive this digest");
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var subscription = new DigestSubscription { AccountId = request.AccountId!, Stream = request.Stream!.Value, ScopeKey = request.Scope! };
            db.DigestSubscriptions.Add(subscription);
            await db.SaveChangesAsync(cancellationToken);
            var email = await db.Users.Where(u => u.Id == request.AccountId).Select(u => u.Email).SingleAsync(cancellationToken);
            request.AuditAction = $"Subscribed {email} to the {request.Stream!.Value.Describe()} digest for {request.Scope}";
            return subscription.Id;
        }
    }
}
