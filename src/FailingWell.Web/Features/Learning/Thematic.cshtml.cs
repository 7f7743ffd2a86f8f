namespace FailingWell.Web.Features.Learning;

/// <summary>/learning/thematic: find reports by words or a category, choose several, start a thematic review.</summary>
public sealed class ThematicModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Words { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? CategoryId { get; set; }

    [BindProperty]
    public StartThematic.Command Review { get; set; } = new();

    public StartThematic.Result Found { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Found = await mediator.Send(new StartThematic.Query(Words, CategoryId));
        Review = new StartThematic.Command { ReportIds = [.. Found.Matches.Select(m => m.Id)] };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Found = await mediator.Send(new StartThematic.Query(Words, CategoryId));
        Review.Theme = string.Join(", ", new[]
        {
            string.IsNullOrWhiteSpace(Words) ? null : $"the words \"{Words.Trim()}\"",
            Found.Categories.FirstOrDefault(c => c.Value == CategoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Name is { } name ? $"the category {name}" : null,
        }.Where(x => x is not null));
        var id = await mediator.Send(Review);
        return RedirectToPage("Response", new { id });
    }
}
