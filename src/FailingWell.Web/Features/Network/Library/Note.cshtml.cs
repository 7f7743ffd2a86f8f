using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Library;

/// <summary>/network/library/{id}: one note, with "Mark as useful" and "We adopted this".</summary>
public sealed class NoteModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public MarkNote.Command Mark { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public NetworkNote Note { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var note = await mediator.Send(new ReadLibraryNote.Query(id));
        if (note is null)
        {
            return NotFound();
        }

        Note = note;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var note = await mediator.Send(new ReadLibraryNote.Query(id));
        if (note is null)
        {
            return NotFound();
        }

        Note = note;
        if (!ModelState.IsValid)
        {
            // Only the page's own two buttons post here: anything else is a malformed request.
            return BadRequest();
        }

        Mark.Id = id;
        await mediator.Send(Mark);
        Done = Mark.Adopted ? "Recorded that your organisation adopted this. The author organisation will see it." : "Marked as useful. The author organisation will see it.";
        return RedirectToPage(new { id });
    }
}
