using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network.Member;
using FailingWell.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;

namespace FailingWell.Web.Features.Network.Library;

/// <summary>
/// /network/library/{id}: one note, with "Mark as useful" and "We adopted this". Guardians and
/// executives read it; a mark speaks for the organisation to the network, so only those who act for
/// it there (leads and admins, who also approve its notes) may post one (decision 0095).
/// </summary>
[ChangesNeedPolicy(Policies.Triage)]
public sealed class NoteModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public MarkNote.Command Mark { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public NetworkNote Note { get; private set; } = null!;

    /// <summary>Whether this reader may mark the note for the organisation: the buttons show only then.</summary>
    public bool CanMark { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var note = await mediator.Send(new ReadLibraryNote.Query(id));
        if (note is null)
        {
            return NotFound();
        }

        Note = note;
        CanMark = (await authorization.AuthorizeAsync(User, Policies.Triage)).Succeeded;
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
