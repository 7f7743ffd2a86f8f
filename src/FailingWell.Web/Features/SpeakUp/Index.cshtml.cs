namespace FailingWell.Web.Features.SpeakUp;

/// <summary>/speak-up: the guardian's cases.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool IncludeClosed { get; set; }

    public IReadOnlyList<CaseList.Row> Cases { get; private set; } = [];

    public async Task OnGetAsync() => Cases = await mediator.Send(new CaseList.Query(IncludeClosed));
}
