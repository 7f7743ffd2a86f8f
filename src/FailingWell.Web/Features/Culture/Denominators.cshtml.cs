using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FailingWell.Web.Features.Culture;

public sealed class DenominatorsModel(IMediator mediator, FailingWellDbContext db) : PageModel
{
    [BindProperty]
    public SaveDenominator.Command Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<(string Division, RateBasis Basis, DateOnly Month, int? BedDays, decimal? Staff)> Latest { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Divisions { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        await LoadAsync();
        await mediator.Send(Input);
        Done = "Saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        await LoadAsync();
        if (await CsvText.ReadUploadAsync(Upload, ModelState) is not { } text)
        {
            return Page();
        }

        var count = await mediator.Send(new ImportDenominators.Command { Text = text });
        Done = $"Imported {count} rows.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Divisions = (await db.Divisions.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync()).Select(d => (d.Id, d.Name)).ToList();
        Latest = (await db.Denominators.AsNoTracking().Join(db.Divisions, d => d.DivisionId, v => v.Id, (d, v) => new { v.Name, v.RateBasis, d.Month, d.BedDays, d.StaffWte })
            .OrderByDescending(x => x.Month).ThenBy(x => x.Name).Take(60).ToListAsync())
            .Select(x => (x.Name, x.RateBasis, x.Month, x.BedDays, x.StaffWte)).ToList();
    }
}
