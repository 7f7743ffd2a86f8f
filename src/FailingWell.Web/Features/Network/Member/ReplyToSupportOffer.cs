using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// Member: an executive or admin accepts or declines an open offer of peer support. The answer shows here at
/// once and goes to the hub as "support-reply" through the outbox, in the same transaction. Audited.
/// </summary>
public static class ReplyToSupportOffer
{
    public sealed class Command : Change<Unit>
    {
        public int OfferId { get; set; }

        public bool? Accept { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Accept).NotNull().WithMessage("Choose whether to accept or decline the offer");
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var offer = await db.SupportOffers.SingleOrRefuseAsync(o => o.OfferId == request.OfferId,
                request, "This offer is no longer held here: it may have been withdrawn", cancellationToken);
            if (offer.Status != SupportStatus.Offered)
            {
                throw RequestValidationException.For(request, "", "This offer has already been answered");
            }

            var accepted = request.Accept!.Value;
            offer.Status = accepted ? SupportStatus.Accepted : SupportStatus.Declined;
            offer.RepliedOn = time.Today;
            NetworkOutbox.Enqueue(db, PeerMessageKinds.SupportReply, new SupportReplyMessage(offer.OfferId, accepted));
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"{(accepted ? "Accepted" : "Declined")} the network's offer of peer support {offer.OfferId}";
            return Unit.Value;
        }
    }
}
