using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace FailingWell.Web.Features.Home;

public static class HomeModule
{
    /// <summary>The front page: anyone.</summary>
    public static void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AllowAnonymousToFolder("/Home");
}
