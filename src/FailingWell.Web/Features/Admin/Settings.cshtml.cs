using FailingWell.Web.Features.Triage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FailingWell.Web.Features.Admin;

public sealed class SettingsModel(IMediator mediator, TriageSettingsSource source) : PageModel
{
    [BindProperty]
    public SaveSettings.Command Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync()
    {
        var current = await source.GetAsync();
        Input = new SaveSettings.Command
        {
            EscalationList = string.Join('\n', current.EscalationList),
            AcknowledgeWithinDays = current.AcknowledgeWithinDays,
            FeedbackWithinMonths = current.FeedbackWithinMonths,
            RemoveContactDetailsAfterDays = current.RemoveContactDetailsAfterDays,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await mediator.Send(Input);
        Done = "Settings saved.";
        return RedirectToPage();
    }
}
