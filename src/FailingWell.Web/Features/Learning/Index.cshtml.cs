namespace FailingWell.Web.Features.Learning;

/// <summary>/learning: every learning response, open ones oldest first.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public LearningResponseType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public LearningResponseStatus? Status { get; set; }

    public IReadOnlyList<ListResponses.Item> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await mediator.Send(new ListResponses.Query(Type, Status));
}
