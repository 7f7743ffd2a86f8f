using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace FailingWell.Web.Features.Admin;

public static class AdminModule
{
    /// <summary>Running FailingWell: admins.</summary>
    public static void AuthorizePages(PageConventionCollection conventions) =>
        conventions.AuthorizeFolder("/Admin", Policies.Administer);
}
