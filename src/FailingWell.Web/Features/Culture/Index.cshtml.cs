namespace FailingWell.Web.Features.Culture;

/// <summary>/culture: is the reporting culture strengthening, where is it weaker, how does it compare.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Scope { get; set; } = "org";

    [BindProperty(SupportsGet = true)]
    public PeriodKind Period { get; set; } = PeriodKind.Month;

    public CultureView.Result View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await mediator.Send(Query());

    /// <summary>One measure's series as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string measure)
    {
        View = await mediator.Send(Query());
        var series = View.Series.SingleOrDefault(s => s.Measure.Key == measure);
        if (series is null)
        {
            return NotFound();
        }

        return File(SeriesCsv.Write(series), "text/csv", $"failingwell-{measure}-{Scope.Replace(':', '-')}-{Period.ToString().ToLowerInvariant()}.csv");
    }

    // Three years of months or half a year of weeks: enough periods for SPC limits either way.
    private CultureView.Query Query() => new(Scope, Period, Period == PeriodKind.Month ? 36 : 26);
}
