using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FailingWell.Web.Features.Errors;

/// <summary>Shown instead of any stack trace, for unhandled errors and for status codes.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;

    public string Title => Code switch
    {
        404 => "Page not found",
        403 => "You cannot see this page",
        400 => "Sorry, there is a problem with that request",
        _ => "Sorry, there is a problem with the service",
    };

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Code = code ?? 500;
        Response.StatusCode = Code;
    }
}
