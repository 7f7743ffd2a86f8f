using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace FailingWell.Web.Features.Account.Organisation;

/// <summary>
/// In Development with the demo, and no provider configured: a real OpenID Connect provider (OpenIddict's
/// server, no store) inside the site under /demo-idp, so the sign-in page offers "Sign in with the demo
/// organisation" and the whole flow runs as it would against Entra ID (docs/decisions/0127). Its sign-in
/// page lets the visitor choose who to be. Never registered outside Development.
/// </summary>
public static class DemoIdentityProvider
{
    public const string PathBase = "/demo-idp";
    public const string ClientId = "failingwell-demo";

    // Development only, and only this site's own provider accepts it.
    public const string ClientSecret = "demo organisation secret, Development only";

    private sealed record Person(string Key, string Subject, string Email, string Name, string[] Amr, string Description);

    private static readonly Person[] People =
    [
        new("lead-mfa", "demo-org-lead", "lead@demo.failingwell.nhs.uk", "Demo lead", ["pwd", "mfa"],
            "The demo governance lead, with two factors at the organisation: straight to the triage queue."),
        new("lead-password", "demo-org-lead", "lead@demo.failingwell.nhs.uk", "Demo lead", ["pwd"],
            "The demo governance lead, password only at the organisation: FailingWell asks for its own authenticator code."),
        new("executive-mfa", "demo-org-executive", "executive@demo.failingwell.nhs.uk", "Demo executive", ["pwd", "mfa"],
            "The demo executive, with two factors: the digests."),
        new("stranger", "demo-org-stranger", "stranger@demo.failingwell.nhs.uk", "Someone not invited", ["pwd", "mfa"],
            "Someone in the organisation's directory with no FailingWell account: refused."),
    ];

    public static bool IsEnabled(WebApplicationBuilder builder) =>
        builder.Environment.IsDevelopment()
        && builder.Configuration.GetValue("Demo:Enabled", true)
        && !Environment.GetCommandLineArgs().Contains("--no-demo")
        && string.IsNullOrEmpty(builder.Configuration["Network:Role"])
        && string.IsNullOrWhiteSpace(builder.Configuration[$"{OrganisationSignInSettings.Section}:{nameof(OrganisationSignInSettings.Authority)}"]);

    /// <summary>Configures the demo provider and points the organisation sign-in at it; false where it does not apply.</summary>
    public static bool EnableIfWanted(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsEnabled(builder))
        {
            return false;
        }

        var section = OrganisationSignInSettings.Section;
        // The site's own address is known only once it listens: this stands in until then (see below).
        builder.Configuration[$"{section}:Authority"] = "http://localhost:5080" + PathBase + "/";
        builder.Configuration[$"{section}:ClientId"] = ClientId;
        builder.Configuration[$"{section}:ClientSecret"] = ClientSecret;
        builder.Configuration[$"{section}:RequireHttpsMetadata"] = "false";
        builder.Configuration[$"{section}:DisplayName"] = "Sign in with the demo organisation";
        builder.Services.AddSingleton(new DemoProviderMarker());
        // After the handler's own settings, before it builds its metadata reader (registered ahead of it):
        // read at the first sign-in, when Kestrel has its address.
        builder.Services.AddOptions<OpenIdConnectOptions>(OrganisationSignInModule.Scheme).PostConfigure<IServer>((options, server) =>
        {
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is not null)
            {
                var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
                if (uri.Host is "0.0.0.0" or "[::]" or "::")
                {
                    uri.Host = "localhost";
                }

                options.Authority = new Uri(uri.Uri, PathBase.TrimStart('/') + "/").ToString();
            }
        });
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            var root = PathBase.TrimStart('/') + "/";
            options.SetConfigurationEndpointUris(root + ".well-known/openid-configuration")
                .SetJsonWebKeySetEndpointUris(root + ".well-known/jwks")
                .SetAuthorizationEndpointUris(root + "connect/authorize")
                .SetTokenEndpointUris(root + "connect/token")
                .SetEndSessionEndpointUris(root + "connect/logout");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            options.EnableDegradedMode();
            options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.RedirectUri is not { } redirect
                    || !new Uri(redirect).AbsolutePath.Equals(OrganisationSignInModule.CallbackPath, StringComparison.Ordinal))
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "Only this site's own sign-in may use the demo organisation.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "Unknown client.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && !new Uri(uri).AbsolutePath.Equals(OrganisationSignInModule.SignedOutCallbackPath, StringComparison.Ordinal))
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "Only this site's own sign-out may use the demo organisation.");
                }

                return default;
            }));
        });
        return true;
    }

    /// <summary>The provider's sign-in and sign-out pages, where it is enabled.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<DemoProviderMarker>() is null)
        {
            return;
        }

        app.MapGet(PathBase + "/connect/authorize", Authorize).AllowAnonymous();
        app.MapGet(PathBase + "/connect/logout", (HttpContext http) =>
        {
            AllowProviderScript(http);
            return Results.SignOut(new Microsoft.AspNetCore.Authentication.AuthenticationProperties(), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }).AllowAnonymous();
    }

    private static IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest();
        if (request is null)
        {
            return Results.BadRequest();
        }

        var chosen = People.FirstOrDefault(p => p.Key == http.Request.Query["person"]);
        if (chosen is null)
        {
            return Results.Content(ChooserPage(http), "text/html; charset=utf-8");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, chosen.Subject)
            .SetClaim(Claims.Email, chosen.Email)
            .SetClaim(Claims.EmailVerified, true)
            .SetClaim(Claims.Name, chosen.Name);
        identity.SetClaims(Claims.AuthenticationMethodReference, [.. chosen.Amr]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken]);
        AllowProviderScript(http);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // The provider's answer is a page whose one inline script posts it back (form_post): the site's own
    // policy allows no inline script, so this page, and only it, gets the provider's.
    private static void AllowProviderScript(HttpContext http) =>
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    // A plain page, not the site's layout: it stands for another organisation's sign-in.
    private static string ChooserPage(HttpContext http)
    {
        var html = new StringBuilder("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo organisation: sign in</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><main><h1>Demo organisation</h1>
            <p>This stands for your organisation's own sign-in (Entra ID, NHSmail...). It exists only in the Development demo. Choose who to be:</p><ul>
            """);
        foreach (var person in People)
        {
            var link = http.Request.Path + http.Request.QueryString.Add("person", person.Key);
            html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<li><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(person.Name)}</a>: {WebUtility.HtmlEncode(person.Description)}</li>");
        }

        return html.Append("</ul></main></body></html>").ToString();
    }

    private sealed class DemoProviderMarker;
}
