namespace FailingWell.Web.Features.Triage;

/// <summary>/triage: the queue of reports for governance leads.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Queue.Filter Filter { get; set; } = new();

    public Queue.Result Result { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<(int Id, string Name)> Divisions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Result = await mediator.Send(new Queue.Query(Filter));
        Divisions = await mediator.Send(new DivisionChoices.Query());
    }

    /// <summary>The address of another page of the same filtered list.</summary>
    public string PageLink(int page)
    {
        var query = Request.Query.Where(q => !string.Equals(q.Key, "Filter.Page", StringComparison.OrdinalIgnoreCase))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"Filter.Page={page}");
        return "/triage?" + string.Join('&', query);
    }
}
