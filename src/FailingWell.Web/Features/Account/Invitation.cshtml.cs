namespace FailingWell.Web.Features.Account;

/// <summary>The link in an invitation: choose a password, once, before the link expires.</summary>
public sealed class InvitationModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public AcceptInvitation.Command Input { get; set; } = new();

    public bool Accepted { get; private set; }

    public void OnGet(string? id, string? token)
    {
        Input.AccountId = id ?? "";
        Input.Token = token ?? "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Accepted = await mediator.Send(Input);
        if (!Accepted)
        {
            ModelState.AddModelError("", AcceptInvitation.Expired);
        }

        return Page();
    }
}
