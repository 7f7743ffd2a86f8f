namespace FailingWell.Web.Features.Lfpse.Lead;

/// <summary>/triage/reports/{id}/lfpse: a lead confirms the answers LFPSE needs, previews the exact JSON, and sends it.</summary>
public sealed class ConfirmModel(IMediator mediator) : PageModel
{
    public const string PreviewChanged = "What will be sent is not what your preview showed: the answers or the report changed. Check this preview, then confirm again.";

    [BindProperty]
    public ConfirmLfpseEvent.Command Answers { get; set; } = new();

    /// <summary>The fingerprint of the JSON the lead last saw: a confirmation sends only what was previewed.</summary>
    [BindProperty]
    public string? Previewed { get; set; }

    [TempData]
    public string? Done { get; set; }

    public LfpseForm.Form Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var form = await mediator.Send(new LfpseForm.Query(id));
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        var start = form.Start;
        Answers = new ConfirmLfpseEvent.Command
        {
            Version = form.Version, Description = start.Description, ImmediateActions = start.ImmediateActions,
            LevelOfConcern = start.LevelOfConcern, RiskImminent = start.RiskImminent, HowFutureOccurrence = start.HowFutureOccurrence,
            DutyOfCandour = start.DutyOfCandour, NeverEvent = start.NeverEvent, NeverEventType = start.NeverEventType, SeriousIncident = start.SeriousIncident,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int id)
    {
        // Loaded first, so that answers refused by the preview re-render the page around their messages.
        var form = await mediator.Send(new LfpseForm.Query(id, RecordView: false));
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        var preview = await mediator.Send(new LfpseForm.Query(id, Answers, RecordView: false));
        if (preview is null)
        {
            return NotFound();
        }

        Form = preview;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id)
    {
        var form = await mediator.Send(new LfpseForm.Query(id, RecordView: false));
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        var preview = await mediator.Send(new LfpseForm.Query(id, Answers, Previewed ?? "", RecordView: false));
        if (preview is null)
        {
            return NotFound();
        }

        Form = preview;
        if (Form.Preview is { Changed: true })
        {
            ModelState.AddModelError("", PreviewChanged);
            return Page();
        }

        Answers.ReportId = id;
        await mediator.Send(Answers);
        Done = Form.IsUpdate
            ? "LFPSE answers confirmed. The update will be sent to LFPSE shortly."
            : "LFPSE answers confirmed. The event will be sent to LFPSE shortly; its reference number appears here once LFPSE has it.";
        return RedirectToPage("/Triage/Report", new { id });
    }
}
