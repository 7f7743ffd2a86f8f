namespace FailingWell.Web.Features.Culture;

public sealed class TargetsModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public SaveTargets.Command Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<ListTargets.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Rows = await mediator.Send(new ListTargets.Query());
        Input.Targets = [.. Rows.Select(r => new SaveTargets.Target { Measure = r.Measure.Key, Value = r.Target?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) })];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Rows = await mediator.Send(new ListTargets.Query());
        await mediator.Send(Input);
        Done = "Targets saved.";
        return RedirectToPage();
    }
}
