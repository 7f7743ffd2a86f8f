using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network.Member;
using Microsoft.Extensions.Options;

namespace FailingWell.Web.Features.Network.Notes;

/// <summary>
/// /network/notes/new?report=N or ?response=N, and /network/notes/{id}/edit: a learning note written
/// for sharing. Warnings beside each text field say what looks as if it could identify someone.
/// </summary>
public sealed class EditModel(IMediator mediator, IOptions<NetworkSettings> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "report")]
    public int? ReportId { get; set; }

    [BindProperty(SupportsGet = true, Name = "response")]
    public int? ResponseId { get; set; }

    [BindProperty]
    public SaveNote.Command Note { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public SaveNote.Form Form { get; private set; } = null!;

    public NetworkSettings Settings => options.Value;

    public bool IsMember => options.Value.Role == NetworkRole.Member;

    /// <summary>Each text field's warnings, from what is in it now.</summary>
    public IReadOnlyList<string> WarningsFor(string? text) => SharingWarnings.For(text);

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        var form = await mediator.Send(new SaveNote.Query(id, ReportId, ResponseId));
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        Note = form.Values;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (!IsMember)
        {
            return NotFound();
        }

        var form = await mediator.Send(new SaveNote.Query(id, ReportId, ResponseId));
        if (form is null)
        {
            return NotFound();
        }

        Form = form;
        Note.NoteId = id;
        Note.ReportId = form.ReportId;
        Note.ResponseId = form.ResponseId;
        var saved = await mediator.Send(Note);
        if (Note.Submit)
        {
            Done = "Note submitted. A second lead or an admin must approve it before it is shared.";
            return RedirectToPage("Index");
        }

        Done = "Draft saved. It is not shared until it is submitted and approved.";
        return RedirectToPage("Edit", new { id = saved, report = (int?)null, response = (int?)null });
    }
}
