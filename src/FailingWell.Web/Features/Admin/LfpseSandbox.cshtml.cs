using FailingWell.Web.Features.Lfpse.Sandbox;

namespace FailingWell.Web.Features.Admin;

/// <summary>The Development sandbox's requests, as received (decision 0124); a 404 wherever the sandbox is off.</summary>
public sealed class LfpseSandboxModel(IMediator mediator) : PageModel
{
    public LfpseSandboxRequests.Result Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await mediator.Send(new LfpseSandboxRequests.Query()) is not { } result)
        {
            return NotFound();
        }

        Result = result;
        return Page();
    }
}
