namespace FailingWell.Web.Features.Admin;

public sealed class AuditModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public AuditSearch.Result Result { get; private set; } = null!;

    public async Task OnGetAsync() => Result = await mediator.Send(new AuditSearch.Query(Filter));

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var export = await mediator.Send(new ExportAuditLog.Query(Filter));
        return File(export.Csv, "text/csv", export.FileName);
    }
}
