using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace FailingWell.Web.Features.Errors;

public static class ErrorsModule
{
    /// <summary>The error pages: anyone, as any request can end in one.</summary>
    public static void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AllowAnonymousToFolder("/Errors");
}
