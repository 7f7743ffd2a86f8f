namespace FailingWell.Web.Features.Learning;

/// <summary>/learning/oversight: is the trust learning? For the board, executives included.</summary>
public sealed class OversightModel(IMediator mediator) : PageModel
{
    public Oversight.View View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await mediator.Send(new Oversight.Query());
}
