namespace FailingWell.Web.Features.Account.Organisation;

/// <summary>A plain page for each thing that can go wrong with an organisation sign-in: what happened and what to do.</summary>
public sealed class ProblemModel : PageModel
{
    public OrganisationSignInProblems.Problem Problem { get; private set; } = null!;

    public IActionResult OnGet(string reason)
    {
        if (!OrganisationSignInProblems.All.TryGetValue(reason ?? "", out var problem))
        {
            return NotFound();
        }

        Problem = problem;
        Response.StatusCode = problem.StatusCode;
        return Page();
    }
}
