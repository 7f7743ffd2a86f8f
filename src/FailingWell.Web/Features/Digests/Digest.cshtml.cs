namespace FailingWell.Web.Features.Digests;

public sealed class DigestModel(IMediator mediator) : PageModel
{
    public ReadDigest.Result Digest { get; private set; } = null!;

    public DigestContent Pack => Digest.Pack;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await mediator.Send(new ReadDigest.Query(id)) is not { } digest)
        {
            return NotFound();
        }

        Digest = digest;
        return Page();
    }
}
