namespace FailingWell.Web.Features.Network.Hub;

public sealed class HubSignalsModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListMemberSignals.Row> Members { get; private set; } = [];

    public async Task OnGetAsync() => Members = await mediator.Send(new ListMemberSignals.Query());
}
