using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace FailingWell.Web.Features.Lfpse.Lead;

/// <summary>LFPSE's part of a triage report page, invoked by name, so Triage needs none of this feature's types.</summary>
[ViewComponent(Name = "LfpseStatus")]
public sealed class LfpseStatusViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int reportId)
    {
        var summary = await mediator.Send(new LfpseStatus.Query(reportId));
        return summary is null
            ? Content("")
            : new ViewViewComponentResult
            {
                ViewName = "/Features/Lfpse/Lead/_LfpseStatus.cshtml",
                ViewData = new ViewDataDictionary<LfpseStatus.Summary>(ViewData, summary),
            };
    }
}
