using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FailingWell.Web.Features.Admin;

public sealed class SubscriptionsModel(IMediator mediator, FailingWellDbContext db) : PageModel
{
    [BindProperty]
    public AddSubscription.Command Input { get; set; } = new();

    [BindProperty]
    public int SubscriptionId { get; set; }

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<Subscriptions.Row> Rows { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> People { get; private set; } = [];

    public IReadOnlyList<(string Key, string Name)> Scopes { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        await LoadAsync();
        await mediator.Send(Input);
        Done = "Subscription added.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        await LoadAsync();
        await mediator.Send(new RemoveSubscription.Command { SubscriptionId = SubscriptionId });
        Done = "Subscription removed.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Rows = await mediator.Send(new Subscriptions.Query());
        People = (await db.Users.OfType<StaffAccount>().Where(u => !u.IsDisabled).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync())
            .Select(u => (u.Id, u.DisplayName)).ToList();
        Scopes = [(Digest.OrganisationScope, "Whole organisation"),
            .. (await db.Divisions.AsNoTracking().Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync())
                .Select(d => (Digest.DivisionScope(d.Id), d.Name))];
    }
}
