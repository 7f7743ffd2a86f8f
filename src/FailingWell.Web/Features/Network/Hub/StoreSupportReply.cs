using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Hub;

/// <summary>
/// Hub: a member accepts or declines an offer made to it. Only an open offer to that member changes; a repeat
/// of the same answer is ignored (messages may come twice), another member's offer is refused.
/// </summary>
public static class StoreSupportReply
{
    public sealed record Command(int MemberId, SupportReplyMessage Message) : ICommand<Unit>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Message).NotNull().WithMessage("No reply was sent");
    }

    public sealed class Handler(FailingWellDbContext db, UkTime time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var offer = await db.PeerSupportOffers.SingleOrDefaultAsync(o => o.Id == request.Message.OfferId && o.MemberId == request.MemberId, cancellationToken)
                ?? throw RequestValidationException.For(request, "Message.OfferId", "There is no such offer to this member");
            var status = request.Message.Accepted ? SupportStatus.Accepted : SupportStatus.Declined;
            if (offer.Status == status)
            {
                return Unit.Value;
            }

            if (offer.Status != SupportStatus.Offered)
            {
                throw RequestValidationException.For(request, "Message.Accepted", "This offer has already been answered");
            }

            offer.Status = status;
            offer.RepliedOn = time.Today;
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
