using FailingWell.Web.Infrastructure.Web;

namespace FailingWell.Web.Features.Learning;

/// <summary>/admin/response-plan: the trust's PSIRF plan. Leads and executives read it; admins change it.</summary>
[ChangesNeedPolicy(Policies.Administer)]
public sealed class ResponsePlanModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public SavePlan.Command Plan { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    [TempData]
    public string? Done { get; set; }

    public ReadPlan.View View { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        View = await mediator.Send(new ReadPlan.Query(Version));
        Plan = new SavePlan.Command
        {
            Priorities = [.. View.Plan.LocalPriorities.Select(p => new SavePlan.Priority { Category = p.Category, MinimumHarm = p.MinimumHarm, Theme = p.Theme, Response = p.Response })],
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        View = await mediator.Send(new ReadPlan.Query());
        var number = await mediator.Send(Plan);
        Done = $"Version {number} of the plan saved. Decisions already made keep the version they were made under.";
        return RedirectToPage();
    }
}
