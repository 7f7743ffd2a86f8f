namespace FailingWell.Web.Features.Network;

// Named here, beside the page: the Network feature keeps its pages' rules with them.
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.ReadGovernance)]
public sealed class PeersModel(IMediator mediator) : PageModel
{
    public PeersView.Result View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await mediator.Send(new PeersView.Query());
}
