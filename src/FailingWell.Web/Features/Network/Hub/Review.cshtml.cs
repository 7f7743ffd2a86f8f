using System.Globalization;

namespace FailingWell.Web.Features.Network.Hub;

public sealed class HubReviewModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public RecordPeerReview.Command Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public ListHubOffers.Row? Row { get; private set; }

    public async Task<IActionResult> OnGetAsync(int offerId)
    {
        Row = (await mediator.Send(new ListHubOffers.Query())).FirstOrDefault(r => r.Offer.Id == offerId);
        if (Row is null)
        {
            return NotFound();
        }

        Input.OfferId = offerId;
        Input.StartsOn = Row.Offer.ReviewStartsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Input.EndsOn = Row.Offer.ReviewEndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Input.Findings = Row.Offer.Findings;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Row = (await mediator.Send(new ListHubOffers.Query())).FirstOrDefault(r => r.Offer.Id == Input.OfferId);
        if (Row is null)
        {
            return NotFound();
        }

        await mediator.Send(Input);
        Done = $"Peer review recorded for {Row.MemberName}.";
        return RedirectToPage("/Network/Hub/Support");
    }
}
