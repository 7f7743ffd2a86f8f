namespace FailingWell.Web.Features.SpeakUp;

/// <summary>/speak-up/returns: the quarterly return to the National Guardian's Office, and its CSV.</summary>
public sealed class ReturnsModel(IMediator mediator) : PageModel
{
    public QuarterlyReturn.Result Return { get; private set; } = null!;

    public async Task OnGetAsync() => Return = await mediator.Send(new QuarterlyReturn.Query());

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var result = await mediator.Send(new QuarterlyReturn.Query());
        return File(ReturnCsv.Write(result), "text/csv", ReturnCsv.FileName(result));
    }
}
