namespace FailingWell.Web.Features.Admin;

public sealed class SettingsModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public SaveSettings.Command Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync() => Input = await mediator.Send(new CurrentSettings.Query());

    public async Task<IActionResult> OnPostAsync()
    {
        await mediator.Send(Input);
        Done = "Settings saved.";
        return RedirectToPage();
    }
}
