namespace FailingWell.Web.Features.Triage;

/// <summary>/triage/reports/{id}: one report, its history and messages, and every change a lead can make.</summary>
public sealed class ReportModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public Acknowledge.Command Acknowledge { get; set; } = new();

    [BindProperty]
    public Grade.Command Grade { get; set; } = new();

    [BindProperty]
    public Route.Command Route { get; set; } = new();

    [BindProperty]
    public MarkDuplicate.Command Duplicate { get; set; } = new();

    [BindProperty]
    public AddAction.Command NewAction { get; set; } = new();

    [BindProperty]
    public CompleteAction.Command CompleteAction { get; set; } = new();

    [BindProperty]
    public MessageReporter.Command Message { get; set; } = new();

    [BindProperty]
    public RecordLearning.Command Learning { get; set; } = new();

    [BindProperty]
    public Close.Command Close { get; set; } = new();

    [BindProperty]
    public Reopen.Command Reopen { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public ReportView.Details Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var report = await mediator.Send(new ReportView.Query(id));
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        Grade = new Grade.Command
        {
            PhysicalHarm = report.PhysicalHarm, PsychologicalHarm = report.PsychologicalHarm,
            Consequence = report.Consequence, Likelihood = report.Likelihood, Title = report.Title,
        };
        Route = new Route.Command { Stream = report.Stream, DivisionId = report.DivisionId, OwnerAccountId = report.OwnerAccountId };
        Learning = new RecordLearning.Command { Learning = report.Learning };
        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(int id) => ChangeAsync(id, Acknowledge, "Report acknowledged. The reporter can see this.");

    public Task<IActionResult> OnPostGradeAsync(int id) => ChangeAsync(id, Grade, "Grading saved.");

    public Task<IActionResult> OnPostRouteAsync(int id) => ChangeAsync(id, Route, "Routing saved.");

    public Task<IActionResult> OnPostDuplicateAsync(int id) => ChangeAsync(id, Duplicate, "Marked as a duplicate and closed.");

    public Task<IActionResult> OnPostActionAsync(int id) => ChangeAsync(id, NewAction, "Action added.");

    public Task<IActionResult> OnPostCompleteActionAsync(int id) => ChangeAsync(id, CompleteAction, "Action marked as done.");

    public Task<IActionResult> OnPostMessageAsync(int id) => ChangeAsync(id, Message, "Message sent. The reporter will see it when they check with their code.");

    public Task<IActionResult> OnPostLearningAsync(int id) => ChangeAsync(id, Learning, "Learning saved.");

    public Task<IActionResult> OnPostCloseAsync(int id) => ChangeAsync(id, Close, "Report closed. The reporter can see the outcome.");

    public Task<IActionResult> OnPostReopenAsync(int id) => ChangeAsync(id, Reopen, "Report reopened.");

    private async Task<IActionResult> ChangeAsync<T>(int id, ReportChange<T> change, string done)
    {
        // Loaded first (and not audited as a view), so a refusal re-renders the page around the
        // message, showing the report as it is now.
        var report = await mediator.Send(new ReportView.Query(id, RecordView: false));
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        change.ReportId = id;
        await mediator.Send(change);
        Done = done;
        return RedirectToPage(new { id });
    }
}
