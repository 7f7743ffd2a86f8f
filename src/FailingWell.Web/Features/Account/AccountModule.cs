using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace FailingWell.Web.Features.Account;

public static class AccountModule
{
    /// <summary>
    /// Signing in, out and accepting an invitation: anyone. Setting up an authenticator, and the landing
    /// page after sign-in: any signed-in account, before it has two factors (the default policy).
    /// </summary>
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AllowAnonymousToPage("/Account/SignIn");
        conventions.AllowAnonymousToPage("/Account/SignInCode");
        conventions.AllowAnonymousToPage("/Account/SignOut");
        conventions.AllowAnonymousToPage("/Account/AccessDenied");
        conventions.AllowAnonymousToPage("/Account/Invitation");
        conventions.AuthorizePage("/Account/TwoFactor");
        conventions.AuthorizePage("/Account/Home");
    }
}
