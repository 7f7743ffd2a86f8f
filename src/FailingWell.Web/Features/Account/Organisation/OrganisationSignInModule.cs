using System.Security.Cryptography.X509Certificates;
using FailingWell.Web.Infrastructure.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace FailingWell.Web.Features.Account.Organisation;

/// <summary>
/// Staff sign in with their organisation's own account (OpenID Connect, docs/decisions/0125-0127).
/// The handler only proves who the person is to the provider and leaves that in Identity's external
/// cookie; <see cref="SignInWithOrganisation"/> then decides which FailingWell account, if any, that
/// opens, and signs in the application cookie as a password sign-in does.
/// </summary>
public static class OrganisationSignInModule
{
    public const string Scheme = "Organisation";

    public const string CallbackPath = "/signin-oidc";

    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    public static WebApplicationBuilder AddFailingWellOrganisationSignIn(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // In the Development demo with no provider configured: the demo organisation's, inside the site.
        DemoIdentityProvider.EnableIfWanted(builder);
        var settings = builder.AddSettings<OrganisationSignInSettings>(OrganisationSignInSettings.Section,
            s => !s.IsEnabled || (Uri.IsWellFormedUriString(s.Authority, UriKind.Absolute) && s.ClientId.Length > 0
                && s.GroupRoleMappings.Values.All(role => StaffRoles.All.Contains(role) && role != StaffRoles.Guardian)),
            "Authentication:OpenIdConnect: Authority must be an absolute URL with a ClientId, and GroupRoleMappings name FailingWell roles (not Guardian).");
        if (!settings.IsEnabled)
        {
            return builder;
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, settings.DisplayName, options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret.Length > 0 ? settings.ClientSecret : null;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.CallbackPath = CallbackPath;
            options.SignedOutCallbackPath = SignedOutCallbackPath;
            options.SignedOutRedirectUri = "/account/sign-out";
            // What the provider proved lives only in Identity's short-lived external cookie until
            // SignInWithOrganisation has matched it to an account.
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            // The claims as the provider named them (sub, email, amr), not as WS-Federation URIs.
            options.MapInboundClaims = false;
            // The handler drops acr by default; it is one of the two ways a provider says "two factors".
            options.ClaimActions.Remove("acr");
            options.Scope.Clear();
            options.Scope.Add("openid");
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                options.Scope.Add(scope);
            }

            options.TokenValidationParameters.NameClaimType = "name";
            // A sign-in that took longer than this at the provider starts again.
            options.RemoteAuthenticationTimeout = TimeSpan.FromMinutes(15);
            if (!settings.RequireHttpsMetadata)
            {
                // Plain http (tests, the demo): a SameSite=None cookie must be Secure, which http cannot
                // carry; the provider on loopback is the same site, so Lax reaches the callback.
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }

            options.Events = new OpenIdConnectEvents
            {
                OnRedirectToIdentityProvider = context =>
                {
                    if (settings.AcrValueList.Length > 0)
                    {
                        context.ProtocolMessage.AcrValues = settings.AcrValues;
                    }

                    return Task.CompletedTask;
                },
                OnAuthorizationCodeReceived = context =>
                {
                    if (settings.ClientSecret.Length == 0 && settings.ClientCertificatePath.Length > 0 && context.TokenEndpointRequest is { } request)
                    {
                        request.ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
                        request.ClientAssertion = ClientAssertion(settings, context.Options.Configuration?.TokenEndpoint ?? "",
                            context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                    }

                    return Task.CompletedTask;
                },
                // Every failure on the way back (the provider down, a state, nonce or correlation
                // mismatch, a token for someone else or out of date, the person saying no) ends on a
                // plain page, never an exception page nor a loop back to the provider.
                OnRemoteFailure = context =>
                {
                    var reason = OrganisationSignInProblems.ReasonFor(context.Failure, context.Request.Query["error"]);
                    OrganisationSignInLog.CallbackFailed(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OrganisationSignInModule)),
                        context.Failure, reason);
                    context.Response.Redirect(OrganisationSignInProblems.PathFor(reason));
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
                OnAccessDenied = context =>
                {
                    context.Response.Redirect(OrganisationSignInProblems.PathFor(OrganisationSignInProblems.ProviderRefused));
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            };
        });
        return builder;
    }

    /// <summary>Everyone: the pages on the way in and out, and the plain pages for what went wrong.</summary>
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        conventions.AllowAnonymousToFolder("/Account/Organisation");
    }

    // private_key_jwt (RFC 7523): a short assertion signed with the registered certificate's key.
    private static string ClientAssertion(OrganisationSignInSettings settings, string tokenEndpoint, DateTime now)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.ClientCertificatePath, settings.ClientCertificatePassword);
        var key = new X509SecurityKey(certificate);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.ClientId,
            Audience = tokenEndpoint,
            Claims = new Dictionary<string, object> { ["sub"] = settings.ClientId, ["jti"] = Guid.NewGuid().ToString("N") },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
