using FailingWell.Web.Features.Network.Member;

namespace FailingWell.Web.Features.Network;

public sealed class ConsentModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public SaveNetworkConsent.Command Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync() => Input.Share = await mediator.Send(new ReadNetworkConsent.Query());

    public async Task<IActionResult> OnPostAsync()
    {
        await mediator.Send(Input);
        Done = Input.Share == true ? "Your insularity signals will be shared with the coordinator." : "Your insularity signals are no longer shared; the coordinator's copy is deleted.";
        return RedirectToPage();
    }
}
