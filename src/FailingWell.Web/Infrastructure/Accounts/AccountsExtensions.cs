using Microsoft.AspNetCore.Identity;

namespace FailingWell.Web.Infrastructure.Accounts;

public static class AccountsExtensions
{
    public const string SignInPath = "/account/sign-in";

    public static WebApplicationBuilder AddFailingWellAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<StaffAccount, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Accounts:MaxFailedSignIns", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Accounts:LockoutMinutes", 15));
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<FailingWellDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName)
            .AddPasswordValidator<CommonPasswordValidator>();
        builder.Services.AddSingleton<CommonPasswords>();

        // Roles and claims are reloaded into the cookie every minute by default. A changed security
        // stamp (sign-out, disabling) ends a session at its next request: SessionRules checks that.
        builder.Services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromSeconds(builder.Configuration.GetValue("Accounts:SessionCheckSeconds", 60));
            // Keep the mark that this sign-in used an authenticator code: the refreshed principal
            // would otherwise lose it and send a lead back to two-factor set-up every minute.
            options.OnRefreshingPrincipal = context =>
            {
                var amr = context.CurrentPrincipal?.FindAll("amr").ToList() ?? [];
                if (amr.Count > 0 && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaims(amr.Select(c => new System.Security.Claims.Claim(c.Type, c.Value)));
                }

                return Task.CompletedTask;
            };
        });
        // Invitation links (password-setting tokens) work once and for this long.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(options =>
            options.TokenLifespan = TimeSpan.FromHours(builder.Configuration.GetValue("Accounts:InvitationHours", 72.0)));
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, TwoFactorRequirement>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TwoFactorEnrolmentRedirect>();

        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "FailingWell.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // Whatever the sliding renewals, a session ends Accounts:SessionHours (12) after its sign-in,
            // and at once when the account's security stamp changes.
            cookie.Events.OnSigningIn = SessionRules.OnSigningIn;
            cookie.Events.OnValidatePrincipal = SessionRules.OnValidatePrincipal;
        });
        return builder;
    }
}
