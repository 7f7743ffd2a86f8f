namespace FailingWell.Web.Features.SpeakUp;

/// <summary>/speak-up/cases/{id}: one case, the conversation, and the guardian's recording, closure and hand-over.</summary>
public sealed class CaseModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public AcknowledgeCase.Command Acknowledge { get; set; } = new();

    [BindProperty]
    public RecordCase.Command Record { get; set; } = new();

    [BindProperty]
    public MessageSpeaker.Command Message { get; set; } = new();

    [BindProperty]
    public CloseCase.Command Close { get; set; } = new();

    [BindProperty]
    public HandOverToGovernance.Command HandOver { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public CaseView.Details Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var found = await mediator.Send(new CaseView.Query(id));
        if (found is null)
        {
            return NotFound();
        }

        Case = found;
        Record = new RecordCase.Command
        {
            PatientSafety = found.PatientSafetyElement, WorkerSafety = found.WorkerSafetyElement, Bullying = found.BullyingElement,
            Behaviour = found.BehaviourElement, StaffGroupId = found.StaffGroupId, DetrimentIndicated = found.DetrimentIndicated, ActionsTaken = found.ActionsTaken,
        };
        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(int id) => ChangeAsync(id, Acknowledge, "Case acknowledged. The person who spoke up can see this.");

    public Task<IActionResult> OnPostRecordAsync(int id) => ChangeAsync(id, Record, "Case record saved.");

    public Task<IActionResult> OnPostMessageAsync(int id) => ChangeAsync(id, Message, "Message sent. They will see it when they check with their code.");

    public Task<IActionResult> OnPostCloseAsync(int id) => ChangeAsync(id, Close, "Case closed. They can read your feedback.");

    public Task<IActionResult> OnPostHandOverAsync(int id) => ChangeAsync(id, HandOver, "Passed to governance as a new report.");

    private async Task<IActionResult> ChangeAsync<T>(int id, CaseChange<T> change, string done)
    {
        var found = await mediator.Send(new CaseView.Query(id, RecordView: false));
        if (found is null)
        {
            return NotFound();
        }

        Case = found;
        change.CaseId = id;
        await mediator.Send(change);
        Done = done;
        return RedirectToPage(new { id });
    }
}
