using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>Member: the peers' figures pulled from the hub replace every row held before.</summary>
public static class StorePeerAggregates
{
    public sealed record Command(IReadOnlyList<PeerOrganisation> Organisations) : ICommand<int>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Organisations).NotNull().WithMessage("No organisations were pulled");
            RuleForEach(c => c.Organisations).ChildRules(o =>
            {
                o.RuleFor(x => x.Name).NotEmpty().MaximumLength(200).WithMessage("An organisation has a name of up to 200 characters");
                o.RuleFor(x => x.OrganisationType).NotNull().MaximumLength(100).WithMessage("An organisation type is up to 100 characters");
                o.RuleFor(x => x.Months).NotNull().WithMessage("An organisation has months");
                o.RuleForEach(x => x.Months).Must(m => m is not null && PeerMessageKinds.ParseMonth(m.Month) is not null).WithMessage("A month is written yyyy-MM");
            }).When(c => c.Organisations is not null);
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            await db.PeerAggregates.ExecuteDeleteAsync(cancellationToken);
            var rows = request.Organisations
                .GroupBy(o => o.Name, StringComparer.Ordinal).Select(g => g.First())
                .SelectMany(o => o.Months.GroupBy(m => m.Month, StringComparer.Ordinal).Select(g => g.First()).Select(m => new PeerAggregate
                {
                    Organisation = o.Name,
                    OrganisationType = o.OrganisationType,
                    IsYou = o.IsYou,
                    Month = PeerMessageKinds.ParseMonth(m.Month)!.Value,
                    Reports = m.Reports,
                    BedDays = m.BedDays,
                    NoOrLowHarm = m.NoOrLowHarm,
                    NearMisses = m.NearMisses,
                    Anonymous = m.Anonymous,
                })).ToList();
            db.PeerAggregates.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            return rows.Count;
        }
    }
}
