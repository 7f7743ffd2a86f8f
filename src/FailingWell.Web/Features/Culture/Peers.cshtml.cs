namespace FailingWell.Web.Features.Culture;

public sealed class PeersModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Done { get; set; }

    public string? PeerGroup { get; private set; }

    public IReadOnlyList<ListPeerGroups.Row> Groups { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (await CsvImport.ReadUploadAsync(Upload, ModelState) is not { } text)
        {
            return Page();
        }

        var count = await mediator.Send(new ImportPeerRates.Command { Text = text });
        Done = $"Imported {count} rows.";
        return RedirectToPage();
    }

    private async Task LoadAsync() => (PeerGroup, Groups) = await mediator.Send(new ListPeerGroups.Query());
}
