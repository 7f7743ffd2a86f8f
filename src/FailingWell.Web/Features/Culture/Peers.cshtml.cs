using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FailingWell.Web.Features.Culture;

public sealed class PeersModel(IMediator mediator, FailingWellDbContext db, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Done { get; set; }

    public string? PeerGroup => configuration["Organisation:PeerGroup"];

    public IReadOnlyList<(string Group, int Organisations, DateOnly Latest)> Groups { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (await CsvText.ReadUploadAsync(Upload, ModelState) is not { } text)
        {
            return Page();
        }

        var count = await mediator.Send(new ImportPeerRates.Command { Text = text });
        Done = $"Imported {count} rows.";
        return RedirectToPage();
    }

    private async Task LoadAsync() =>
        Groups = (await db.PeerRates.AsNoTracking().GroupBy(p => p.PeerGroup)
                .Select(g => new { g.Key, Organisations = g.Select(p => p.Organisation).Distinct().Count(), Latest = g.Max(p => p.Month) }).ToListAsync())
            .Select(g => (g.Key, g.Organisations, g.Latest)).ToList();
}
