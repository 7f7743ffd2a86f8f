using Microsoft.AspNetCore.HttpOverrides;

namespace FailingWell.Web.Infrastructure.Web;

/// <summary>
/// What running behind a load balancer on several nodes needs: forwarded headers from trusted
/// proxies, HSTS, and a refusal to start a configuration that cannot work as a cluster.
/// </summary>
public static class ProductionExtensions
{
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
        return builder;
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
                $"Deployment:Nodes is {nodes}, but the database is SQLite, which one node alone can use. Set Database:Provider=SqlServer and ConnectionStrings:FailingWell, or run one node.");
        }

        if (database.Provider == DatabaseProvider.SqlServer && !configuration.GetValue("Scheduling:Clustered", true))
        {
            throw new InvalidOperationException(
                "Scheduling:Clustered is false on SQL Server in Production: every node would run every job. Remove the setting (the scheduler is clustered on SQL Server).");
        }
    }
}
