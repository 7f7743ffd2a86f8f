namespace FailingWell.Web.Features.Network.Hub;

/// <summary>Hub side: a coordinator adds an organisation to the network and is shown its key, once.</summary>
public static class AddMember
{
    public sealed class Command : Change<IssuedKey>
    {
        public string? Name { get; set; }

        public string? OrganisationType { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FailingWellDbContext db)
        {
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the organisation's name")
                .MaximumLength(200).WithMessage("The name must be 200 characters or fewer")
                .MustAsync(async (n, ct) => !await db.HubMembers.AnyAsync(m => m.Name == n!.Trim(), ct)).WithMessage("That organisation is already a member");
            RuleFor(c => c.OrganisationType).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter the type of organisation, like Acute trust")
                .MaximumLength(100).WithMessage("The type must be 100 characters or fewer");
        }
    }

    public sealed class Handler(FailingWellDbContext db, TimeProvider clock, MemberKeys keys) : IRequestHandler<Command, IssuedKey>
    {
        public async Task<IssuedKey> Handle(Command request, CancellationToken cancellationToken)
        {
            var key = NetworkSignature.NewKey();
            var member = new Domain.Network.HubMember
            {
                Name = request.Name!.Trim(),
                OrganisationType = request.OrganisationType!.Trim(),
                KeyHash = keys.Protect(key),
                IssuedOn = clock.GetUtcNow(),
            };
            db.HubMembers.Add(member);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"Network member {member.Id} added: {member.Name}";
            return new IssuedKey(member.Id, member.Name, key);
        }
    }
}

/// <summary>A key as it is shown to the coordinator: once, and never kept.</summary>
public sealed record IssuedKey(int MemberId, string Name, string Key);
