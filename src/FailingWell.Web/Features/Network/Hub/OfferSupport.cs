using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Hub;

/// <summary>Hub: the coordinator offers peer support to a member that shared signals (what kind, from which peer).</summary>
public static class OfferSupport
{
    public sealed class Command : Change<int>
    {
        public int MemberId { get; set; }

        public string? Offer { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Offer).Must(o => !string.IsNullOrWhiteSpace(o)).WithMessage("Say what support you offer and from which peer organisation")
                .MaximumLength(PeerSupportOffer.OfferLength).WithMessage($"Keep the offer to {PeerSupportOffer.OfferLength} characters");
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            // Only a member that shared signals (so consented) can be offered support from this page.
            var name = await db.Set<HubMember>().Where(m => m.Id == request.MemberId && m.RevokedOn == null).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken);
            if (name is null || !await db.HubSignals.AnyAsync(s => s.MemberId == request.MemberId, cancellationToken))
            {
                throw RequestValidationException.For(request, "", "This member has no signals shared with the network now");
            }

            var offer = new PeerSupportOffer { MemberId = request.MemberId, OfferedOn = time.Today, Offer = request.Offer!.Trim(), Status = SupportStatus.Offered };
            db.PeerSupportOffers.Add(offer);
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"Offered peer support {offer.Id} to network member {name}";
            return offer.Id;
        }
    }
}
