namespace FailingWell.Web.Features.Learning;

/// <summary>/learning/just-culture: the lead's own uses of the guide (an admin's: all), and starting one.</summary>
public sealed class JustCultureGuideModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public JustCulture.Start Start { get; set; } = new();

    public JustCulture.ListResult List { get; private set; } = null!;

    public async Task OnGetAsync() => List = await mediator.Send(new JustCulture.ListQuery());

    public async Task<IActionResult> OnPostAsync()
    {
        List = await mediator.Send(new JustCulture.ListQuery());
        var id = await mediator.Send(Start);
        return RedirectToPage("JustCultureRecord", new { id });
    }
}
