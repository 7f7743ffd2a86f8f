namespace FailingWell.Web.Features.Import;

public sealed class FileModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public SaveMapping.Command Input { get; set; } = new();

    public ReadUpload.Result? Upload { get; private set; }

    public ImportCheck? Check { get; private set; }

    [TempData]
    public string? Done { get; set; }

    /// <summary>A day number: TempData would read a date's text back as a DateTime.</summary>
    [TempData]
    public int? MovedOnDay { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostColumnsAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return Gone();
        }

        Input.UploadId = id;
        Input.Columns ??= [];
        Input.Words = [];
        await mediator.Send(Input);
        Done = "Columns saved.";
        return Redirect($"/admin/import/{id}#values");
    }

    public async Task<IActionResult> OnPostValuesAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return Gone();
        }

        Input.UploadId = id;
        Input.Columns = null;
        await mediator.Send(Input);
        Done = "Values saved.";
        return Redirect($"/admin/import/{id}#check");
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return Gone();
        }

        Check = await mediator.Send(new CheckImport.Query(id));
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return Gone();
        }

        var result = await mediator.Send(new RunImport.Command { UploadId = id });
        Done = $"Imported from {Upload!.SourceSystem}: {result.New:N0} new, {result.AlreadyHere:N0} already here ({result.Rows:N0} rows in the file). The culture charts are recounted.";
        if (result.New > 0 && result.Latest is { } latest)
        {
            MovedOnDay = latest.AddDays(1).DayNumber;
        }

        return Redirect("/admin/import");
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id)
    {
        await mediator.Send(new DiscardUpload.Command { UploadId = id });
        Done = "The uploaded file is deleted; nothing was imported.";
        return Redirect("/admin/import");
    }

    private RedirectResult Gone()
    {
        Done = "That upload has gone (imported, discarded or left over a day): upload the file again.";
        return Redirect("/admin/import");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        Upload = await mediator.Send(new ReadUpload.Query(id));
        return Upload is not null;
    }

    public static string Shorten(string? text, int length = 80) =>
        text is null ? "" : text.Length <= length ? text : text[..(length - 3)] + "...";
}
