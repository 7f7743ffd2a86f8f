using Microsoft.Extensions.Options;
using FailingWell.Web.Features.Network.Member;

namespace FailingWell.Web.Features.Network.Notes;

/// <summary>/network/notes: this organisation's learning notes, drafts to approve and what was published.</summary>
public sealed class IndexModel(IMediator mediator, IOptions<NetworkSettings> options) : PageModel
{
    [BindProperty]
    public ApproveNote.Command Approve { get; set; } = new();

    [BindProperty]
    public DiscardNote.Command Discard { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public bool IsMember => options.Value.Role == NetworkRole.Member;

    public ListNotes.Result Notes { get; private set; } = null!;

    public async Task OnGetAsync() => Notes = await mediator.Send(new ListNotes.Query());

    public async Task<IActionResult> OnPostApproveAsync()
    {
        Notes = await mediator.Send(new ListNotes.Query());
        await mediator.Send(Approve);
        Done = "Note approved and published: it is sent to the network.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDiscardAsync()
    {
        Notes = await mediator.Send(new ListNotes.Query());
        await mediator.Send(Discard);
        Done = "Note discarded.";
        return RedirectToPage();
    }
}
