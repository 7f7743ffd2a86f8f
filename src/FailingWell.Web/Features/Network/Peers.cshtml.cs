using FailingWell.Web.Features.Network.Member;

namespace FailingWell.Web.Features.Network;

public sealed class PeersModel(IMediator mediator) : PageModel
{
    public PeersView.Result View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await mediator.Send(new PeersView.Query());
}
