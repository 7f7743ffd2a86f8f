namespace FailingWell.Web.Features.Admin;

public sealed class ReferenceDataModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public AddReferenceItem.Command Add { get; set; } = new();

    [BindProperty]
    public ChangeReferenceItem.Command Change { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public ReferenceData.View Lists { get; private set; } = null!;

    public async Task OnGetAsync() => Lists = await mediator.Send(new ReferenceData.Query());

    public async Task<IActionResult> OnPostAddAsync()
    {
        Lists = await mediator.Send(new ReferenceData.Query());
        await mediator.Send(Add);
        Done = $"Added '{Add.Name!.Trim()}'.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        Lists = await mediator.Send(new ReferenceData.Query());
        await mediator.Send(Change);
        Done = "Saved.";
        return RedirectToPage();
    }

    /// <summary>The id an input gets: the field's own when it is the one an error is about.</summary>
    public string InputId(string field, string list, int id, string fallback) =>
        (field == "Change.Name" && Change.List == list && Change.Id == id) || (field == "Add.Name" && Add.List == list && Add.DivisionId == (id == 0 ? null : id))
            ? field.Replace('.', '_')
            : fallback;
}
