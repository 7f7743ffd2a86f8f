namespace FailingWell.Web.Features.Network;

// Named here, beside the page: the Network feature keeps its pages' rules with them.
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.CoordinateNetwork)]
public sealed class HubSupportModel(IMediator mediator) : PageModel
{
    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<ListHubOffers.Row> Offers { get; private set; } = [];

    public async Task OnGetAsync() => Offers = await mediator.Send(new ListHubOffers.Query());
}
