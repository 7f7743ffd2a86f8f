using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Network.Hub;

/// <summary>/network/hub/members: the hub coordinator's list of members, with their keys issued and revoked.</summary>
public sealed class MembersModel(IMediator mediator, IOptions<NetworkSettings> options) : PageModel
{
    [BindProperty]
    public AddMember.Command Add { get; set; } = new();

    [BindProperty]
    public IssueKey.Command Issue { get; set; } = new();

    [BindProperty]
    public RevokeMember.Command Revoke { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public bool IsHub => options.Value.Role == NetworkRole.Hub;

    public IReadOnlyList<ListMembers.Member> Members { get; private set; } = [];

    /// <summary>Shown on the page that answers the post, and never again.</summary>
    public IssuedKey? Key { get; private set; }

    public async Task OnGetAsync() => Members = await mediator.Send(new ListMembers.Query());

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!IsHub)
        {
            return NotFound();
        }

        Members = await mediator.Send(new ListMembers.Query());
        Key = await mediator.Send(Add);
        Members = await mediator.Send(new ListMembers.Query());
        Add = new();
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync()
    {
        if (!IsHub)
        {
            return NotFound();
        }

        Members = await mediator.Send(new ListMembers.Query());
        Key = await mediator.Send(Issue);
        Members = await mediator.Send(new ListMembers.Query());
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        if (!IsHub)
        {
            return NotFound();
        }

        Members = await mediator.Send(new ListMembers.Query());
        await mediator.Send(Revoke);
        Done = "Key revoked: that member's requests are now refused.";
        return RedirectToPage();
    }
}
