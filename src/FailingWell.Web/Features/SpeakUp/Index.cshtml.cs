using FailingWell.Web.Features.Admin;

namespace FailingWell.Web.Features.SpeakUp;

/// <summary>/speak-up: the guardian's cases, requests for the Guardian role to approve, and who was made a guardian lately.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool IncludeClosed { get; set; }

    [BindProperty]
    public ApproveGuardian.Command Approve { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<CaseList.Row> Cases { get; private set; } = [];

    public IReadOnlyList<GuardianGrants.Pending> PendingGuardians { get; private set; } = [];

    public IReadOnlyList<GuardianGrants.Granted> RecentGuardians { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostApproveAsync()
    {
        await LoadAsync();
        await mediator.Send(Approve);
        Done = "Guardian role given. Every guardian has been told.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Cases = await mediator.Send(new CaseList.Query(IncludeClosed));
        PendingGuardians = await mediator.Send(new PendingGuardianGrants.Query());
        RecentGuardians = await mediator.Send(new PendingGuardianGrants.RecentQuery());
    }
}
