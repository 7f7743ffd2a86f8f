using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace FailingWell.Web.Infrastructure.Web;

/// <summary>
/// What running behind a load balancer on several nodes needs: forwarded headers from trusted
/// proxies, HSTS, cookies that only travel over TLS, and a refusal to start a configuration that
/// cannot work as a cluster.
/// </summary>
public static class ProductionExtensions
{
    /// <summary>
    /// A browser accepts a cookie named so only when it is Secure, has Path=/ and no Domain: neither a
    /// plain-http page nor a sibling subdomain can set or replace it.
    /// </summary>
    public const string HostOnlyPrefix = "__Host-";

    public static WebApplicationBuilder AddFailingWellProduction(this WebApplicationBuilder builder)
    {
        ProductionGuard.Check(builder.Environment, builder.Configuration, DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath));
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            var hosts = builder.Configuration.GetSection("ForwardedHeaders:AllowedHosts").Get<string[]>();
            if (hosts is { Length: > 0 })
            {
                options.AllowedHosts = hosts;
            }
        });
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        if (builder.Environment.IsProduction())
        {
            // Production is only ever reached over TLS (at the proxy or in front of it), so every
            // cookie is Secure whatever scheme the request to this node has or a proxy says it had
            // (docs/decisions/0056). After every other configuration, so it covers Identity's
            // cookies and any added later.
            // Antiforgery refuses a plain-http request outright when its SecurePolicy is Always, and a
            // node behind a proxy that forwards no scheme sees plain http: its cookie is marked Secure
            // as it is written instead.
            builder.Services.PostConfigure<AntiforgeryOptions>(options =>
            {
                options.Cookie = AlwaysSecureCookieBuilder.From(options.Cookie);
                SecureAndHostOnly(options.Cookie);
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
            builder.Services.PostConfigureAll<CookieAuthenticationOptions>(options => SecureAndHostOnly(options.Cookie));
            builder.Services.PostConfigure<CookieTempDataProviderOptions>(options => SecureAndHostOnly(options.Cookie));
        }

        return builder;
    }

    /// <summary>A cookie written Secure whatever the request's scheme, without a policy that refuses plain-http requests.</summary>
    private sealed class AlwaysSecureCookieBuilder : CookieBuilder
    {
        public static AlwaysSecureCookieBuilder From(CookieBuilder cookie)
        {
            var copy = new AlwaysSecureCookieBuilder
            {
                Name = cookie.Name,
                Path = cookie.Path,
                Domain = cookie.Domain,
                HttpOnly = cookie.HttpOnly,
                SameSite = cookie.SameSite,
                SecurePolicy = cookie.SecurePolicy,
                IsEssential = cookie.IsEssential,
                Expiration = cookie.Expiration,
                MaxAge = cookie.MaxAge,
            };
            foreach (var extension in cookie.Extensions)
            {
                copy.Extensions.Add(extension);
            }

            return copy;
        }

        public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
        {
            var options = base.Build(context, expiresFrom);
            options.Secure = true;
            return options;
        }
    }

    /// <summary>Secure always, and <see cref="HostOnlyPrefix"/> where the cookie has no domain: Path=/ then, as the prefix asks.</summary>
    public static void SecureAndHostOnly(CookieBuilder cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        if (cookie.Domain is null && cookie.Name is { Length: > 0 } name && !name.StartsWith(HostOnlyPrefix, StringComparison.Ordinal))
        {
            cookie.Name = HostOnlyPrefix + name;
            cookie.Path = "/";
        }
    }

    public static WebApplication UseFailingWellProxy(this WebApplication app)
    {
        // First, so the scheme and host (and the client address the limiter hashes) are right for
        // everything after. Addresses are still never stored or logged.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}

/// <summary>Start-up refuses Production settings that would break on several nodes, and says what to change.</summary>
public static class ProductionGuard
{
    public static void Check(IHostEnvironment environment, IConfiguration configuration, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        if (!environment.IsProduction())
        {
            return;
        }

        var nodes = configuration.GetValue("Deployment:Nodes", 1);
        if (nodes > 1 && database.Provider == DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"Deployment:Nodes is {nodes}, but the database is SQLite, which one node alone can use. Set Database:Provider=PostgreSql (or SqlServer) and ConnectionStrings:FailingWell, or run one node.");
        }

        if (database.Provider != DatabaseProvider.Sqlite && !configuration.GetValue("Scheduling:Clustered", true))
        {
            throw new InvalidOperationException(
                $"Scheduling:Clustered is false on {database.Provider} in Production: every node would run every job. Remove the setting (the scheduler is clustered on a server database).");
        }
    }
}
