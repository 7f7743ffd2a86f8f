namespace FailingWell.Web.Features.Export.Guardian;

/// <summary>/speak-up/export: every speak-up case and its messages, for guardians only.</summary>
public sealed class SpeakUpCasesModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ExportContents.File> Files { get; private set; } = [];

    public async Task OnGetAsync() => Files = await mediator.Send(new ExportContents.Query(ExportContents.SpeakUpCases));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new ExportSpeakUpCases.Query(Streaming.ZipDownload(HttpContext)), cancellationToken);
        return new EmptyResult();
    }
}
