using System.Text.Json;

namespace FailingWell.Web.Features.Triage;

/// <summary>/triage: the queue of reports for governance leads, with bulk actions and saved views.</summary>
public sealed class IndexModel(IMediator mediator, QueueMemory memory, ICurrentStaff staff) : PageModel
{
    // Named, so the filter binds only from "Filter." fields: without a name, an address with none
    // fell back to unprefixed values and the route's "page" (the page's path) landed in Filter.Page.
    [BindProperty(SupportsGet = true, Name = "Filter")]
    public Queue.Filter Filter { get; set; } = new();

    [BindProperty]
    public BulkChange.Command Bulk { get; set; } = new();

    [BindProperty]
    public SaveView.Command NewView { get; set; } = new();

    [BindProperty]
    public DeleteView.Command Delete { get; set; } = new();

    /// <summary>The last bulk change's result, for the page after the redirect.</summary>
    [TempData]
    public string? BulkOutcome { get; set; }

    [TempData]
    public string? Done { get; set; }

    public BulkChange.Result? Outcome => BulkOutcome is null ? null : JsonSerializer.Deserialize<BulkChange.Result>(BulkOutcome);

    public Queue.Result Result { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<(int Id, string Name)> Divisions { get; private set; } = [];

    public IReadOnlyList<Leads.Lead> Leads { get; private set; } = [];

    public IReadOnlyList<SavedViews.View> Views { get; private set; } = [];

    /// <summary>The filter and sort in use, as the queue's query string (no page).</summary>
    public string Current => Filter.ToQueryString();

    public async Task<IActionResult> OnGetAsync()
    {
        var account = staff.AccountId ?? "";
        if (!Request.Query.Keys.Any(k => k.StartsWith("Filter.", StringComparison.OrdinalIgnoreCase)))
        {
            // Opening the queue with no filter comes back to the one last used this session.
            if (memory.Recall(HttpContext, account) is { Length: > 0 } remembered)
            {
                return Redirect("/triage?" + remembered);
            }
        }
        else
        {
            memory.Remember(HttpContext, account, Current);
        }

        await LoadAsync();
        return Page();
    }

    /// <summary>"Clear filters": the default queue, and nothing remembered.</summary>
    public IActionResult OnGetClear()
    {
        memory.Forget(HttpContext);
        return Redirect("/triage");
    }

    public async Task<IActionResult> OnPostBulkAsync()
    {
        // Loaded first, so a refused selection re-renders the queue around the message.
        await LoadAsync();
        var result = await mediator.Send(Bulk);
        BulkOutcome = JsonSerializer.Serialize(result);
        return Redirect(QueueLink());
    }

    public async Task<IActionResult> OnPostSaveViewAsync()
    {
        await LoadAsync();
        NewView.Query = Current;
        await mediator.Send(NewView);
        Done = $"View saved: {NewView.Name!.Trim()}.";
        return Redirect(QueueLink());
    }

    public async Task<IActionResult> OnPostDeleteViewAsync()
    {
        await LoadAsync();
        var name = Views.FirstOrDefault(v => v.Id == Delete.ViewId)?.Name;
        await mediator.Send(Delete);
        Done = $"View deleted: {name}.";
        return Redirect(QueueLink());
    }

    private async Task LoadAsync()
    {
        Result = await mediator.Send(new Queue.Query(Filter));
        Divisions = await mediator.Send(new DivisionChoices.Query());
        Leads = await mediator.Send(new LeadChoices.Query());
        Views = await mediator.Send(new SavedViews.Query());
    }

    /// <summary>This queue again, on the page shown: where a form comes back to.</summary>
    public string QueueLink(int? page = null)
    {
        var query = Current;
        var on = page ?? Filter.Page;
        var paged = on > 1 ? (query.Length == 0 ? "" : "&") + $"Filter.Page={on}" : "";
        return query.Length + paged.Length == 0 ? "/triage?Filter.Status=open" : "/triage?" + query + paged;
    }

    /// <summary>The address of another page of the same filtered list.</summary>
    public string PageLink(int page) => QueueLink(page);

    /// <summary>The same filters sorted by <paramref name="sort"/>: its natural order first, the other way when it is already sorted so.</summary>
    public string SortLink(string sort)
    {
        var sorted = Filter.Sorted(sort, Filter.SortKey == sort ? (Filter.Descending ? "asc" : "desc") : null);
        var query = sorted.ToQueryString();
        return "/triage?" + (query.Length == 0 ? "Filter.Status=open" : query);
    }

    /// <summary>What a screen reader hears after a column's name: how it is sorted now, if it is.</summary>
    public string SortedNote(string sort) => AriaSort(sort) is { } sorted ? $", sorted {sorted}" : "";

    public string? AriaSort(string sort) => Filter.SortKey == sort ? (Filter.Descending ? "descending" : "ascending") : null;

    /// <summary>The action's address, keeping the filters and page so the form comes back to them.</summary>
    public string ActionLink(string handler)
    {
        var back = QueueLink();
        return back + "&handler=" + handler;
    }
}
