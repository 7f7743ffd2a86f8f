namespace FailingWell.Web.Features.Learning;

/// <summary>/learning/new/{reportId}: the plan's proposal for a report, and the lead's choice.</summary>
public sealed class StartModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public NationalTrigger Trigger { get; set; }

    [BindProperty]
    public StartResponse.Command Start { get; set; } = new();

    public StartResponse.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int reportId)
    {
        var view = await mediator.Send(new StartResponse.Query(reportId, Trigger));
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Start = new StartResponse.Command { Trigger = Trigger, Type = view.Proposal?.Type, Title = view.Title };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int reportId)
    {
        var view = await mediator.Send(new StartResponse.Query(reportId, Start.Trigger));
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Start.ReportId = reportId;
        var id = await mediator.Send(Start);
        return RedirectToPage("Response", new { id });
    }
}
