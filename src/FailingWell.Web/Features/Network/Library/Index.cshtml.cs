using Microsoft.Extensions.Options;
using FailingWell.Web.Features.Network.Member;

namespace FailingWell.Web.Features.Network.Library;

/// <summary>/network/library: the network's learning notes, searched by words and category.</summary>
public sealed class IndexModel(IMediator mediator, IOptions<NetworkSettings> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Words { get; set; }

    [BindProperty(SupportsGet = true, Name = "category")]
    public string? Category { get; set; }

    public bool IsMember => options.Value.Role == NetworkRole.Member;

    public SearchLibrary.Result Result { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Words = Words is { Length: > 200 } ? Words[..200] : Words;
        Result = await mediator.Send(new SearchLibrary.Query(Words, Category));
    }
}
