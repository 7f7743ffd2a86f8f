namespace FailingWell.Web.Features.Network.Hub;

public sealed class HubSupportModel(IMediator mediator) : PageModel
{
    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<ListHubOffers.Row> Offers { get; private set; } = [];

    public async Task OnGetAsync() => Offers = await mediator.Send(new ListHubOffers.Query());
}
