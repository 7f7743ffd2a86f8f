using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FailingWell.Web.Features.Reporting;

/// <summary>The address printed on posters and QR codes. The form arrives with its own issue.</summary>
public sealed class ReportModel : PageModel
{
    public void OnGet()
    {
    }
}
