namespace FailingWell.Web.Features.Culture;

public sealed class AnnotationsModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public AddAnnotation.Command Input { get; set; } = new();

    [BindProperty]
    public int AnnotationId { get; set; }

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<ListAnnotations.Row> Annotations { get; private set; } = [];

    public async Task OnGetAsync() => Annotations = await mediator.Send(new ListAnnotations.Query());

    public async Task<IActionResult> OnPostAddAsync()
    {
        await OnGetAsync();
        await mediator.Send(Input);
        Done = "Event added.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        await OnGetAsync();
        await mediator.Send(new RemoveAnnotation.Command { AnnotationId = AnnotationId });
        Done = "Event removed.";
        return RedirectToPage();
    }
}
