namespace FailingWell.Web.Features.Admin;

/// <summary>/admin/posters: the list of places, one place's poster, or every location's, ready to print on A4.</summary>
public sealed class PostersModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Location { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Division { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public Posters.Result Result { get; private set; } = null!;

    public async Task OnGetAsync() => Result = await mediator.Send(new Posters.Query(Location, Division, All));
}
