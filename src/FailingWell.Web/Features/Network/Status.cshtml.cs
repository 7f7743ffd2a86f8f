using FailingWell.Web.Features.Network.Member;

namespace FailingWell.Web.Features.Network;

/// <summary>/admin/network: the network status for admins, with "retry now" (which also pulls the library).</summary>
public sealed class StatusModel(IMediator mediator) : PageModel
{
    [TempData]
    public string? Done { get; set; }

    public NetworkStatus.View View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await mediator.Send(new NetworkStatus.Query());

    // A post naming no handler, or one this page does not have, shows the page as a get would.
    public Task OnPostAsync() => OnGetAsync();

    public async Task<IActionResult> OnPostSyncAsync()
    {
        var result = await mediator.Send(new SyncNow.Command());
        Done = $"{result.Sent} message{(result.Sent == 1 ? "" : "s")} sent, {result.NotSent} not sent. "
            + (result.Pulled is { } pulled ? $"{pulled} new note{(pulled == 1 ? "" : "s")} pulled from the hub." : "The library could not be pulled from the hub.");
        return RedirectToPage();
    }
}
