namespace FailingWell.Web.Features.Lfpse.Admin;

public sealed class SubmissionsModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public LfpseState? State { get; set; }

    // Not "page": that is the route value Razor Pages sets to the page's path.
    [BindProperty(SupportsGet = true, Name = "PageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public RetryLfpseRequest.Command Retry { get; set; } = new();

    [BindProperty]
    public ResolveLfpseCheck.Command Check { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public LfpseSubmissions.Result Result { get; private set; } = null!;

    public async Task OnGetAsync() => Result = await mediator.Send(new LfpseSubmissions.Query(State, PageNumber));

    public async Task<IActionResult> OnPostRetryAsync()
    {
        Result = await mediator.Send(new LfpseSubmissions.Query(State, PageNumber));
        await mediator.Send(Retry);
        Done = "The request is pending again: the delivery sends it on its next run.";
        return RedirectToPage(new { State, PageNumber });
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        Result = await mediator.Send(new LfpseSubmissions.Query(State, PageNumber));
        await mediator.Send(Check);
        Done = Check.Decision == ResolveLfpseCheck.SendAgain
            ? "The request is pending again: the delivery sends it on its next run."
            : "Marked as arrived in LFPSE.";
        return RedirectToPage(new { State, PageNumber });
    }
}
