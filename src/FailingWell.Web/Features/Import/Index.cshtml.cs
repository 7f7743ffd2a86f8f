using FailingWell.Web.Features.Culture;

namespace FailingWell.Web.Features.Import;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public UploadExport.Command Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Done { get; set; }

    /// <summary>The day a "Moved to FailingWell" timeline event would be dated, offered after an import.</summary>
    [TempData]
    public int? MovedOnDay { get; set; }

    public string? MovedOn => MovedOnDay is { } day ? DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;

    public IReadOnlyList<string> Systems { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostUploadAsync()
    {
        await LoadAsync();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("Input.File", "Choose a CSV (.csv) or Excel (.xlsx) file");
        }
        else if (Upload.Length > UploadExport.MaxBytes)
        {
            ModelState.AddModelError("Input.File", $"The file is over {UploadExport.MaxBytes / 1024 / 1024} MB: import it with the command-line verb 'import' (README, Bringing history in)");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        using (var memory = new MemoryStream())
        {
            await Upload!.CopyToAsync(memory);
            Input.Content = memory.ToArray();
        }

        Input.FileName = Upload.FileName;
        var id = await mediator.Send(Input);
        return Redirect($"/admin/import/{id}");
    }

    public async Task<IActionResult> OnPostTimelineAsync(string? on)
    {
        await mediator.Send(new AddAnnotation.Command { On = on, Text = "Moved to FailingWell", RecalculateLimits = false });
        Done = "Added 'Moved to FailingWell' to the charts' timeline.";
        return RedirectToPage();
    }

    private async Task LoadAsync() => Systems = await mediator.Send(new ListMappings.Query());
}
