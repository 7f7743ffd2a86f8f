namespace FailingWell.Web.Features.Culture;

public sealed class DenominatorsModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public SaveDenominator.Command Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<ListDenominators.Row> Latest { get; private set; } = [];

    public IReadOnlyList<ListDenominators.Division> Divisions { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        await LoadAsync();
        await mediator.Send(Input);
        Done = "Saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        await LoadAsync();
        if (await CsvImport.ReadUploadAsync(Upload, ModelState) is not { } text)
        {
            return Page();
        }

        var count = await mediator.Send(new ImportDenominators.Command { Text = text });
        Done = $"Imported {count} rows.";
        return RedirectToPage();
    }

    private async Task LoadAsync() => (Divisions, Latest) = await mediator.Send(new ListDenominators.Query());
}
