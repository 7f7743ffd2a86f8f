using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// The network's part of a triage report page (and of a learning response page): "Learning from other
/// organisations" with the best-matching library notes, and the link to draft a note. Invoked by name,
/// so Triage and Learning need none of this feature's types.
/// </summary>
[ViewComponent(Name = "LearningFromPeers")]
public sealed class LearningFromPeersViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int? reportId, int? responseId)
    {
        var panel = await mediator.Send(new PeerNotesForReport.Query(reportId, responseId));
        return new ViewViewComponentResult
        {
            ViewName = "/Features/Network/Member/_LearningFromPeers.cshtml",
            ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<PeerNotesForReport.Panel>(ViewData, panel),
        };
    }
}
