namespace FailingWell.Web.Features.Admin;

public sealed class SubscriptionsModel(IMediator mediator) : PageModel
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
        (People, Scopes) = await mediator.Send(new SubscriptionChoices.Query());
    }
}
