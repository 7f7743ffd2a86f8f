using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace FailingWell.Tests.Support;

/// <summary>Who the provider signs in next, as its directory and its sign-in would say.</summary>
/// <param name="Amr">The methods the sign-in used (RFC 8176): ["pwd"] one factor, ["pwd", "mfa"] two.</param>
public sealed record TestProviderUser(string Subject, string Email, bool EmailVerified = true, string[]? Amr = null, string? Acr = null, string[]? Groups = null)
{
    public static TestProviderUser WithMfa(string email, string? subject = null) => new(subject ?? Guid.NewGuid().ToString("N"), email, Amr: ["pwd", "mfa"]);

    public static TestProviderUser PasswordOnly(string email, string? subject = null) => new(subject ?? Guid.NewGuid().ToString("N"), email, Amr: ["pwd"]);
}

/// <summary>What the provider does wrong to the next identity token, for the tests of what FailingWell refuses.</summary>
public enum TestProviderTwist
{
    None,
    WrongAudience,
    Expired,
}

/// <summary>
/// A real OpenID Connect provider: OpenIddict's server on Kestrel on a loopback port, in its degraded
/// mode (no database: the client is checked by the handlers below; docs/decisions/0127). The
/// authorization endpoint signs in whoever the test named with <see cref="SignInNext"/> (or refuses,
/// when nobody is named), so a test chooses the subject, email, email_verified, amr and acr.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "failingwell-tests";
    public const string ClientSecret = "a secret only the tests know";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TestProviderUser> _next = new();
    private readonly HashSet<string> _redirectUris;
    private TestProviderTwist _twist;

    private TestIdentityProvider(WebApplication app, Uri issuer, IEnumerable<string> redirectUris)
    {
        _app = app;
        Issuer = issuer;
        _redirectUris = new HashSet<string>(redirectUris, StringComparer.Ordinal);
    }

    public Uri Issuer { get; }

    /// <summary>How many identity tokens the token endpoint has issued.</summary>
    public int TokensIssued { get; private set; }

    /// <summary>The settings FailingWell needs to use this provider.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Authentication:OpenIdConnect:Authority"] = Issuer.ToString(),
        ["Authentication:OpenIdConnect:ClientId"] = ClientId,
        ["Authentication:OpenIdConnect:ClientSecret"] = ClientSecret,
        ["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false",
        ["Authentication:OpenIdConnect:DisplayName"] = "Sign in with the test organisation",
    };

    /// <summary>The person the next sign-in at the provider is made as.</summary>
    public void SignInNext(TestProviderUser user, TestProviderTwist twist = TestProviderTwist.None)
    {
        _next.Enqueue(user);
        _twist = twist;
    }

    /// <summary>Accepts FailingWell's callbacks at one more site (a live site whose address is known after the provider's).</summary>
    public void AllowSite(Uri site)
    {
        ArgumentNullException.ThrowIfNull(site);
        _redirectUris.Add(new Uri(site, "signin-oidc").ToString());
        _redirectUris.Add(new Uri(site, "signout-callback-oidc").ToString());
    }

    /// <summary>Starts the provider, which accepts FailingWell's callbacks at these sites (e.g. http://localhost).</summary>
    public static async Task<TestIdentityProvider> StartAsync(params string[] sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var port = FreePort();
        var issuer = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(issuer.ToString());
        builder.Logging.ClearProviders();
        TestIdentityProvider? provider = null;
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(issuer);
            options.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/logout");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            options.EnableDegradedMode();
            options.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();

            // Degraded mode has no application store: these stand in for the client's registration.
            options.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }
                else if (!provider!._redirectUris.Contains(context.RedirectUri ?? ""))
                {
                    context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                }

                return default;
            }));
            options.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && !provider!._redirectUris.Contains(uri))
                {
                    context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not registered.");
                }

                return default;
            }));
            // After the identity token's claims are settled and before it is signed: the test's twist.
            options.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.EndpointType != OpenIddictServerEndpointType.Token || context.IdentityTokenPrincipal is not { } principal)
                {
                    return default;
                }

                provider!.TokensIssued++;
                switch (provider._twist)
                {
                    case TestProviderTwist.WrongAudience:
                        principal.SetAudiences("another-application").SetClaim(Claims.AuthorizedParty, "another-application");
                        break;
                    case TestProviderTwist.Expired:
                        var now = DateTimeOffset.UtcNow;
                        principal.SetCreationDate(now.AddHours(-2)).SetExpirationDate(now.AddHours(-1));
                        break;
                }

                provider._twist = TestProviderTwist.None;
                return default;
            }).SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1));
        });

        var app = builder.Build();
        provider = new TestIdentityProvider(app, issuer, sites.SelectMany(site => new[]
        {
            site.TrimEnd('/') + "/signin-oidc",
            site.TrimEnd('/') + "/signout-callback-oidc",
        }));
        app.MapGet("/connect/authorize", provider.Authorize);
        app.MapPost("/connect/authorize", provider.Authorize);
        app.MapGet("/connect/logout", () => Results.SignOut(
            new Microsoft.AspNetCore.Authentication.AuthenticationProperties(),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]));
        await app.StartAsync();
        return provider;
    }

    /// <summary>Stops the provider, as a provider that is down; a new one must be started to sign in again.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!_next.TryDequeue(out var user))
        {
            // Nobody signs in: the provider answers access_denied, as a person pressing "cancel" would make it.
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.Email)
            .SetClaim(Claims.EmailVerified, user.EmailVerified);
        identity.SetClaims(Claims.AuthenticationMethodReference, [.. user.Amr ?? ["pwd"]]);
        if (user.Acr is not null)
        {
            identity.SetClaim(Claims.AuthenticationContextReference, user.Acr);
        }

        if (user.Groups is { Length: > 0 })
        {
            identity.SetClaims("groups", [.. user.Groups]);
        }

        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
