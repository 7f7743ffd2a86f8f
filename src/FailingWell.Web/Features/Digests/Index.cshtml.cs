using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FailingWell.Web.Features.Digests;

/// <summary>/digests: the packs, newest first; leads and admins can build a period on demand.</summary>
public sealed class IndexModel(IMediator mediator, FailingWellDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public GovernanceStream? Stream { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty]
    public BuildDigests.Command Build { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<Digest> Digests { get; private set; } = [];

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
        var digests = db.Digests.AsNoTracking();
        if (Stream is { } stream)
        {
            digests = digests.Where(d => d.Stream == stream);
        }

        var scope = string.IsNullOrEmpty(Scope) ? Digest.OrganisationScope : Scope;
        Digests = await digests.Where(d => d.ScopeKey == scope)
            .OrderByDescending(d => d.PeriodStart).ThenBy(d => d.PeriodKind).ThenBy(d => d.Stream)
            .Take(200)
            .Select(d => new Digest { Id = d.Id, Stream = d.Stream, PeriodKind = d.PeriodKind, PeriodKey = d.PeriodKey, PeriodStart = d.PeriodStart, PeriodEnd = d.PeriodEnd, ScopeName = d.ScopeName, Total = d.Total })
            .ToListAsync();
        Scopes = [(Digest.OrganisationScope, "Whole organisation"),
            .. (await db.Divisions.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync())
                .Select(d => (Digest.DivisionScope(d.Id), d.Name))];
    }
}
