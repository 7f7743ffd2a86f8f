using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network.Member;

namespace FailingWell.Web.Features.Network;

public sealed class SupportModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public ReplyToSupportOffer.Command Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<SupportOffer> Offers { get; private set; } = [];

    public async Task OnGetAsync() => Offers = await mediator.Send(new ListSupportOffers.Query());

    public async Task<IActionResult> OnPostAsync()
    {
        Offers = await mediator.Send(new ListSupportOffers.Query());
        await mediator.Send(Input);
        Done = Input.Accept == true ? "You accepted the offer. The coordinator will be in touch." : "You declined the offer.";
        return RedirectToPage();
    }
}
