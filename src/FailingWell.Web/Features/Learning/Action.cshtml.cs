using Microsoft.AspNetCore.Authorization;

namespace FailingWell.Web.Features.Learning;

/// <summary>/learning/actions/{id}: a safety action and whether its measure moved, on an SPC chart.</summary>
public sealed class ActionModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    public SafetyActionView.Details View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var exact = (await authorization.AuthorizeAsync(User, Policies.Triage)).Succeeded;
        var view = await mediator.Send(new SafetyActionView.Query(id, exact));
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
