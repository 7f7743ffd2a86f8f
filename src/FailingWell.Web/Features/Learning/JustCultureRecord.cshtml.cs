namespace FailingWell.Web.Features.Learning;

/// <summary>/learning/just-culture/{id}: one question at a time, then the guide's outcome. Others' records are not found.</summary>
public sealed class JustCultureRecordModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public JustCulture.Answer Answer { get; set; } = new();

    public JustCulture.Record Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var record = await mediator.Send(new JustCulture.ReadRecordQuery(id));
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var record = await mediator.Send(new JustCulture.ReadRecordQuery(id));
        if (record is null)
        {
            return NotFound();
        }

        Record = record;
        Answer.RecordId = id;
        await mediator.Send(Answer);
        return RedirectToPage(new { id });
    }
}
