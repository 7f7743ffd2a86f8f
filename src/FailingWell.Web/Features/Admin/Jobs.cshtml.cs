namespace FailingWell.Web.Features.Admin;

public sealed class JobsModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public RunJobNow.Command Run { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public JobsList.Result Result { get; private set; } = null!;

    public async Task OnGetAsync() => Result = await mediator.Send(new JobsList.Query());

    public async Task<IActionResult> OnPostRunAsync()
    {
        Result = await mediator.Send(new JobsList.Query());
        var job = await mediator.Send(Run);
        await mediator.Send(new TriggerJob.Command(job));
        Done = $"{job.Group}.{job.Name} asked to run now. Refresh in a moment to see how it went.";
        return RedirectToPage();
    }
}
