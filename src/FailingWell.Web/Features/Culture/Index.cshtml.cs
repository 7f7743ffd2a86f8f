using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FailingWell.Web.Features.Culture;

/// <summary>/culture: is the reporting culture strengthening, where is it weaker, how does it compare.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Scope { get; set; } = "org";

    [BindProperty(SupportsGet = true)]
    public PeriodKind Period { get; set; } = PeriodKind.Month;

    public CultureView.Result View { get; private set; } = null!;

    public async Task OnGetAsync() => View = await mediator.Send(new CultureView.Query(Scope, Period, Period == PeriodKind.Month ? 36 : 26));

    /// <summary>One measure's series as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string measure)
    {
        View = await mediator.Send(new CultureView.Query(Scope, Period, Period == PeriodKind.Month ? 36 : 26));
        var series = View.Series.SingleOrDefault(s => s.Measure.Key == measure);
        if (series is null)
        {
            return NotFound();
        }

        var csv = new StringBuilder("period_start,value,mean,upper_limit,lower_limit,variation\n");
        foreach (var p in series.Points)
        {
            string F(double? v) => v?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";
            csv.Append(CultureInfo.InvariantCulture, $"{p.Start:yyyy-MM-dd},{(p.Value is null ? "suppressed" : F(p.Value))},{F(p.Spc.Mean)},{F(p.Spc.Upper)},{F(p.Spc.Lower)},{p.Spc.Variation}\n");
        }

        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"failingwell-{measure}-{Scope.Replace(':', '-')}-{Period.ToString().ToLowerInvariant()}.csv");
    }
}
