using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// Member: the offers pulled from the hub replace those held. A reply made here but not yet reflected by the
/// hub (the outbox has not delivered it) is kept rather than shown as open again.
/// </summary>
public static class StoreSupportOffers
{
    public sealed record Command(IReadOnlyList<SupportOfferSummary> Offers) : ICommand<int>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Offers).NotNull().WithMessage("No offers were pulled");
            RuleForEach(c => c.Offers).ChildRules(o =>
            {
                o.RuleFor(x => x.Offer).NotEmpty().MaximumLength(PeerSupportOffer.OfferLength).WithMessage("An offer has text");
                o.RuleFor(x => x.Findings).MaximumLength(PeerSupportOffer.FindingsLength).WithMessage("Findings are too long");
                o.RuleFor(x => x.Status).Must(s => Enum.TryParse<SupportStatus>(s, out _)).WithMessage("An offer's status is Offered, Accepted or Declined");
            }).When(c => c.Offers is not null);
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var held = await db.SupportOffers.ToDictionaryAsync(o => o.OfferId, cancellationToken);
            var pulled = request.Offers.GroupBy(o => o.OfferId).Select(g => g.First()).ToList();
            db.SupportOffers.RemoveRange(held.Values.Where(h => pulled.All(p => p.OfferId != h.OfferId)));
            foreach (var p in pulled)
            {
                var status = Enum.Parse<SupportStatus>(p.Status);
                if (!held.TryGetValue(p.OfferId, out var row))
                {
                    row = new SupportOffer { OfferId = p.OfferId };
                    db.SupportOffers.Add(row);
                }
                else if (status == SupportStatus.Offered && row.Status != SupportStatus.Offered)
                {
                    status = row.Status; // our reply is still on its way
                }

                row.OfferedOn = p.OfferedOn;
                row.Offer = p.Offer;
                row.Status = status;
                row.RepliedOn = status == SupportStatus.Offered ? null : p.RepliedOn ?? row.RepliedOn;
                row.ReviewStartsOn = p.ReviewStartsOn;
                row.ReviewEndsOn = p.ReviewEndsOn;
                row.Findings = p.Findings;
            }

            await db.SaveChangesAsync(cancellationToken);
            return pulled.Count;
        }
    }
}
