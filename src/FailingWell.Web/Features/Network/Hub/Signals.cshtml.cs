namespace FailingWell.Web.Features.Network;

// Named here, beside the page: the Network feature keeps its pages' rules with them.
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.CoordinateNetwork)]
public sealed class HubSignalsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListMemberSignals.Row> Members { get; private set; } = [];

    public async Task OnGetAsync() => Members = await mediator.Send(new ListMemberSignals.Query());
}
