using Microsoft.AspNetCore.Authorization;

namespace FailingWell.Web.Features.Digests;

/// <summary>/digests: the packs, newest first; leads and admins can build a period on demand.</summary>
public sealed class IndexModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public GovernanceStream? Stream { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty]
    public BuildDigests.Command Build { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<ListDigests.Row> Digests { get; private set; } = [];

    public IReadOnlyList<(string Key, string Name)> Scopes { get; private set; } = [];

    public bool CanBuild { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!CanBuild)
        {
            return Forbid();
        }

        var built = await mediator.Send(Build);
        Done = built == 0 ? "Those digests already exist: nothing was changed." : $"{built} digests built.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        CanBuild = (await authorization.AuthorizeAsync(User, Policies.Triage)).Succeeded;
        (Digests, Scopes) = await mediator.Send(new ListDigests.Query(Stream, Scope));
    }
}
