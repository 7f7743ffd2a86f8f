using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FailingWell.Web.Features.Digests;

public sealed class DigestModel(FailingWellDbContext db) : PageModel
{
    public Domain.Digest Digest { get; private set; } = null!;

    public DigestContent Pack { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var digest = await db.Digests.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
        if (digest is null)
        {
            return NotFound();
        }

        Digest = digest;
        Pack = DigestContent.FromJson(digest.Content);
        return Page();
    }
}
