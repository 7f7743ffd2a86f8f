namespace FailingWell.Web.Features.Admin;

public sealed class AuditModel(IMediator mediator) : PageModel
{
    // Named, so the filter binds only from "Filter." fields: without a name, an address with none
    // fell back to unprefixed values and the route's "page" (the page's path) landed in Filter.Page.
    [BindProperty(SupportsGet = true, Name = "Filter")]
    public AuditFilter Filter { get; set; } = new();

    public AuditSearch.Result Result { get; private set; } = null!;

    public async Task OnGetAsync() => Result = await mediator.Send(new AuditSearch.Query(Filter));

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var export = await mediator.Send(new ExportAuditLog.Query(Filter));
        return File(export.Csv, "text/csv", export.FileName);
    }
}
