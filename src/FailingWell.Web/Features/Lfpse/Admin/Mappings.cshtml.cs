namespace FailingWell.Web.Features.Lfpse.Admin;

public sealed class MappingsModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public SaveLfpseMappings.Command Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public LfpseMappings.Result View { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        View = await mediator.Send(new LfpseMappings.Query());
        Input = View.Saved;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Read first: a refused form is shown again with the names and lists beside what was typed.
        View = await mediator.Send(new LfpseMappings.Query());
        await mediator.Send(Input);
        Done = "LFPSE settings saved.";
        return RedirectToPage();
    }
}
