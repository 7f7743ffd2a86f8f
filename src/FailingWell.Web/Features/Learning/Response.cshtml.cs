using FailingWell.Web.Infrastructure.Web;

namespace FailingWell.Web.Features.Learning;

/// <summary>/learning/{id}: one response's record, its reports, safety actions, engagement and the reporter's summary.</summary>
[ChangesNeedPolicy(Policies.Triage)]
public sealed class ResponseModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public RecordResponse.Command Record { get; set; } = new();

    [BindProperty]
    public ShareSummary.Command Share { get; set; } = new();

    [BindProperty]
    public LinkReport.Command Link { get; set; } = new();

    [BindProperty]
    public AddSafetyAction.Command NewAction { get; set; } = new();

    [BindProperty]
    public CompleteSafetyAction.Command CompleteAction { get; set; } = new();

    [BindProperty]
    public AddEngagement.Command Engagement { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public ReadResponse.Details View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var view = await mediator.Send(new ReadResponse.Query(id));
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        Record = RecordResponse.Command.From(view.Response);
        Share = new ShareSummary.Command { Summary = view.Response.ReporterSummary };
        return Page();
    }

    public Task<IActionResult> OnPostRecordAsync(int id) => ChangeAsync(id, Record, Record.Complete ? "Response completed." : "Record saved.");

    public Task<IActionResult> OnPostShareAsync(int id) => ChangeAsync(id, Share, "Summary shared. The reporters see it when they check with their receipt code.");

    public Task<IActionResult> OnPostLinkAsync(int id) => ChangeAsync(id, Link, "Report added to the response.");

    public Task<IActionResult> OnPostActionAsync(int id) => ChangeAsync(id, NewAction, "Safety action added.");

    public Task<IActionResult> OnPostCompleteActionAsync(int id) => ChangeAsync(id, CompleteAction, "Safety action marked as done.");

    public Task<IActionResult> OnPostEngagementAsync(int id) => ChangeAsync(id, Engagement, "Engagement recorded.");

    private async Task<IActionResult> ChangeAsync<T>(int id, LearningChange<T> change, string done)
    {
        // Loaded first, so a refusal re-renders the page around the message.
        var view = await mediator.Send(new ReadResponse.Query(id));
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        if (!ReferenceEquals(change, Record))
        {
            Record = RecordResponse.Command.From(view.Response);
        }

        if (!ReferenceEquals(change, Share))
        {
            Share = new ShareSummary.Command { Summary = view.Response.ReporterSummary };
        }

        change.ResponseId = id;
        await mediator.Send(change);
        Done = done;
        return RedirectToPage(new { id });
    }
}
