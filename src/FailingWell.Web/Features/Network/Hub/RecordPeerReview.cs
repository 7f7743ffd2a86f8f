using System.Globalization;
using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Hub;

/// <summary>Hub: for an accepted offer, the coordinator records the peer review's dates and findings (visible to the member).</summary>
public static class RecordPeerReview
{
    public sealed class Command : Change<Unit>
    {
        public int OfferId { get; set; }

        public string? StartsOn { get; set; }

        public string? EndsOn { get; set; }

        public string? Findings { get; set; }
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.StartsOn).Must(s => ParseDate(s) is not null).WithMessage("Enter the start date like 2027-03-01");
            RuleFor(c => c.EndsOn).Must(s => ParseDate(s) is not null).WithMessage("Enter the end date like 2027-03-05");
            RuleFor(c => c.EndsOn).Must((c, e) => ParseDate(e) >= ParseDate(c.StartsOn)).WithMessage("The end date must be the same as or after the start date")
                .When(c => ParseDate(c.StartsOn) is not null && ParseDate(c.EndsOn) is not null);
            RuleFor(c => c.Findings).Must(f => !string.IsNullOrWhiteSpace(f)).WithMessage("Enter the review's findings")
                .MaximumLength(PeerSupportOffer.FindingsLength).WithMessage($"Keep the findings to {PeerSupportOffer.FindingsLength} characters");
        }
    }

    public sealed class Handler(FailingWellDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var offer = await db.PeerSupportOffers.SingleOrRefuseAsync(o => o.Id == request.OfferId, request, "There is no such offer", cancellationToken);
            if (offer.Status != SupportStatus.Accepted)
            {
                throw RequestValidationException.For(request, "", "A review can be recorded only for an offer the member accepted");
            }

            offer.ReviewStartsOn = ParseDate(request.StartsOn);
            offer.ReviewEndsOn = ParseDate(request.EndsOn);
            offer.Findings = request.Findings!.Trim();
            await db.SaveChangesAsync(cancellationToken);
            request.AuditAction = $"Recorded the peer review for offer {offer.Id}";
            return Unit.Value;
        }
    }
}
