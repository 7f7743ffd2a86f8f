using FailingWell.Web.Domain.Network;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// The "Looking outward" panel on /culture: this organisation's insularity signals, from the culture roll-ups. The
/// culture page names it by string ("LookingOutward"), so Culture does not depend on Network.
/// </summary>
[ViewComponent(Name = Name)]
public sealed class LookingOutwardViewComponent(IMediator mediator) : ViewComponent
{
    public const string Name = "LookingOutward";

    public async Task<IViewComponentResult> InvokeAsync() =>
        new ViewViewComponentResult
        {
            ViewName = "/Features/Network/Member/_LookingOutward.cshtml",
            ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<IReadOnlyList<InsularitySignal>>(ViewData, await mediator.Send(new CurrentSignals.Query())),
        };
}
