using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using FailingWell.Web.Infrastructure.Email;
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
        var allowedHosts = AllowedHosts(builder.Configuration, builder.Environment);
        if (allowedHosts is not null)
        {
            // After the framework's own binding of AllowedHosts, which leaves "*" (every host).
            builder.Services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = [.. allowedHosts]);
        }

        builder.Services.Configure<ForwardedHeadersOptions>(options => ForwardedHeaders(options, builder.Configuration, allowedHosts));
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

    /// <summary>The host names every Production node also answers to: its own health check (deploy/Dockerfile's curl to localhost) and a probe on the node itself. A redirect to one of them leads nowhere but the visitor's own machine.</summary>
    public static readonly IReadOnlyList<string> LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// Production answers only to its own host names (docs/decisions/0086): <c>AllowedHosts</c> when it
    /// names them (semicolon separated), else the host of <c>Site:BaseUrl</c>, and the loopback names;
    /// any other Host header gets 400, so nothing can make the site write another host into a redirect
    /// or a link. Null (every host, the framework's default) outside Production.
    /// </summary>
    public static IReadOnlyList<string>? AllowedHosts(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.IsProduction())
        {
            return null;
        }

        var named = (configuration["AllowedHosts"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(host => host != "*")
            .ToList();
        if (named.Count == 0 && Uri.TryCreate(configuration.SiteBaseUrl(), UriKind.Absolute, out var site))
        {
            named.Add(site.Host);
        }

        return [.. named.Concat(LoopbackHosts).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Whose X-Forwarded-* headers are believed (docs/decisions/0085). <c>ForwardedHeaders:KnownProxies</c>
    /// and <c>ForwardedHeaders:KnownNetworks</c>, when either is given, replace the framework's loopback
    /// default (else any process on the node could claim to be any client); <c>ForwardedHeaders:ForwardLimit</c>
    /// is how many proxies stand in front of the node (2 for a TLS terminator and nginx), each of them
    /// one of those known. A forwarded host is believed only when it is one of the allowed hosts.
    /// </summary>
    public static void ForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration, IReadOnlyList<string>? allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
            | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto
            | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedHost;
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length > 0 || networks.Length > 0)
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
        }

        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }

        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        options.ForwardLimit = configuration.GetValue("ForwardedHeaders:ForwardLimit", 1);
        var hosts = configuration.GetSection("ForwardedHeaders:AllowedHosts").Get<string[]>();
        if (hosts is { Length: > 0 })
        {
            options.AllowedHosts = hosts;
        }
        else if (allowedHosts is not null)
        {
            options.AllowedHosts = [.. allowedHosts];
        }
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
