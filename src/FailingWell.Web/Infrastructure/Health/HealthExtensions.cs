using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace FailingWell.Web.Infrastructure.Health;

public static class HealthExtensions
{
    public static WebApplicationBuilder AddFailingWellHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddQuartz(options => options.Name = "scheduler");
        return builder;
    }

    /// <summary>/health: one line of JSON per check, for load balancers and monitoring. No details.</summary>
    public static WebApplication MapFailingWellHealth(this WebApplication app)
    {
        // Open to anyone (monitors do not sign in), and say nothing but up or down.
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = WriteAsync,
        }).DisableHttpMetrics().AllowAnonymous();

        // For orchestrators: live = the process answers (restart it if not); ready = it can serve
        // (database and scheduler), so a load balancer sends it traffic.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).DisableHttpMetrics().AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = WriteAsync }).DisableHttpMetrics().AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            // Why a check is not healthy, in the check's own words (never data).
            problems = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
                .ToDictionary(e => e.Key, e => e.Value.Description ?? e.Value.Exception?.GetType().Name ?? ""),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

public sealed class DatabaseHealthCheck(FailingWellDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}
