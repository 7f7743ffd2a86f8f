namespace FailingWell.Web.Features.Network.Hub;

public sealed class HubOfferModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public OfferSupport.Command Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public ListMemberSignals.Row? Member { get; private set; }

    public async Task<IActionResult> OnGetAsync(int memberId)
    {
        Member = (await mediator.Send(new ListMemberSignals.Query())).FirstOrDefault(m => m.MemberId == memberId);
        Input.MemberId = memberId;
        return Member is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Member = (await mediator.Send(new ListMemberSignals.Query())).FirstOrDefault(m => m.MemberId == Input.MemberId);
        if (Member is null)
        {
            return NotFound();
        }

        await mediator.Send(Input);
        Done = $"Peer support offered to {Member.Name}.";
        return RedirectToPage("/Network/Hub/Support");
    }
}
