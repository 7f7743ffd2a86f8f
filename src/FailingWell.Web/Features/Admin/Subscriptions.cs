namespace FailingWell.Web.Features.Admin;

/// <summary>Who receives which stream's digest for which scope.</summary>
public static class Subscriptions
{
    public sealed record Row(int Id, string Person, GovernanceStream Stream, string Scope);

    public sealed record Query : IRequest<IReadOnlyList<Row>>;

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var divisions = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => Digest.DivisionScope(d.Id), d => d.Name, cancellationToken);
            var rows = await (from s in db.DigestSubscriptions
                              join u in db.Users.OfType<StaffAccount>() on s.AccountId equals u.Id
                              orderby u.DisplayName
                              select new { s.Id, u.DisplayName, s.Stream, s.ScopeKey }).ToListAsync(cancellationToken);
            return [.. rows.Select(r => new Row(r.Id, r.DisplayName, r.Stream, r.ScopeKey == Digest.OrganisationScope ? "Whole organisation" : divisions.GetValueOrDefault(r.ScopeKey, r.ScopeKey)))];
        }
    }
}

public static class AddSubscription
{
    public sealed class Command : AdminChange<int>
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
            request.AuditDescription = $"Subscribed {email} to the {request.Stream!.Value.Describe()} digest for {request.Scope}";
            return subscription.Id;
        }
    }
}

public static class RemoveSubscription
{
    public sealed class Command : AdminChange<Unit>
    {
        public int SubscriptionId { get; set; }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var subscription = await db.DigestSubscriptions.SingleOrDefaultAsync(s => s.Id == request.SubscriptionId, cancellationToken)
                ?? throw request.Refuse("", "That subscription no longer exists.");
            db.DigestSubscriptions.Remove(subscription);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditDescription = $"Removed a {subscription.Stream.Describe()} digest subscription for {subscription.ScopeKey}";
            return Unit.Value;
        }
    }
}
