namespace FailingWell.Web.Features.Export.Admin;

/// <summary>/admin/export: what the export holds, and the button that streams it.</summary>
public sealed class EverythingModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ExportContents.File> Files { get; private set; } = [];

    public async Task OnGetAsync() => Files = await mediator.Send(new ExportContents.Query(ExportContents.Everything));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new ExportEverything.Query(Streaming.ZipDownload(HttpContext)), cancellationToken);
        return new EmptyResult();
    }
}
