using FailingWell.Web.Infrastructure.Web;

namespace FailingWell.Web.Features.Home;

[CompressedForAnonymousGets]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
