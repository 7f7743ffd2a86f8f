using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Quartz;

namespace FailingWell.Web.Infrastructure.Telemetry;

public static class TelemetryExtensions
{
    public const string Section = "OpenTelemetry";

    /// <summary>
    /// Traces and metrics over OTLP, only when <c>OpenTelemetry:Endpoint</c> is set (nothing of
    /// OpenTelemetry is registered otherwise): staff requests, database commands, scheduled jobs, the
    /// email outbox and calls to the network hub. The anonymous journey is kept out by separate guards
    /// (decision 0108, docs/operations.md).
    /// </summary>
    public static WebApplicationBuilder AddFailingWellTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMetrics();
        services.AddHttpContextAccessor();
        services.AddSingleton<TelemetryGuards>();
        services.AddSingleton<OutboxMetrics>();

        var endpoint = builder.Configuration[Section + ":Endpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        var baseUri = new Uri(endpoint.TrimEnd('/') + "/", UriKind.Absolute);
        var protocol = ParseProtocol(builder.Configuration[Section + ":Protocol"]);
        var serviceName = builder.Configuration[Section + ":ServiceName"] ?? "failingwell";

        services.AddSingleton<DatabaseCommandTelemetry>();
        services.AddSingleton<IDbCommandInterceptor>(provider => provider.GetRequiredService<DatabaseCommandTelemetry>());
        services.AddSingleton<IJobListener, JobTelemetryListener>();
        services.AddTransient<IStartupFilter, AnonymousRequestMark>();

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource(FailingWellTelemetry.SourceName)
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.RecordException = false;
                    options.Filter = context => !ShouldSkip(context);
                })
                .AddHttpClientInstrumentation(options => options.RecordException = false)
                // Before the exporter, so that what it unrecords is never exported.
                .AddProcessor(provider => new GuardedProcessor(
                    provider.GetRequiredService<TelemetryGuards>(),
                    new AnonymousSpanProcessor(provider.GetRequiredService<IHttpContextAccessor>())))
                .AddOtlpExporter(otlp => Configure(otlp, baseUri, protocol, "v1/traces")))
            .WithMetrics(metrics => metrics
                .AddMeter(FailingWellTelemetry.DatabaseMeterName, FailingWellTelemetry.OutboxMeterName, FailingWellTelemetry.JobsMeterName)
                .AddMeter(Mediation.AnonymousJourneyMetrics.MeterName)
                // Only the hosting meter of ASP.NET Core, not AddAspNetCoreInstrumentation's set: Kestrel's
                // connection and rate limiting meters count every anonymous visitor's connection as it happens.
                .AddMeter("Microsoft.AspNetCore.Hosting")
                // In-flight requests are read at each export: one anonymous request in flight would show.
                .AddView("http.server.active_requests", MetricStreamConfiguration.Drop)
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(otlp => Configure(otlp, baseUri, protocol, "v1/metrics")));
        return builder;

        bool ShouldSkip(HttpContext context) =>
            context.RequestServices.GetRequiredService<TelemetryGuards>().RequestFilter
            && AnonymousRequests.IsAnonymousPath(context.Request.Path);
    }

    private static void Configure(OtlpExporterOptions otlp, Uri baseUri, OtlpExportProtocol protocol, string signalPath)
    {
        otlp.Protocol = protocol;
        // Over HTTP a signal has its own path; gRPC takes the collector's address as it is.
        otlp.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(baseUri, signalPath) : baseUri;
    }

    internal static OtlpExportProtocol ParseProtocol(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" or "http-protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"{Section}:Protocol is grpc or http/protobuf, not '{value}'."),
    };

    private sealed class GuardedProcessor(TelemetryGuards guards, AnonymousSpanProcessor inner) : BaseProcessor<System.Diagnostics.Activity>
    {
        public override void OnStart(System.Diagnostics.Activity data)
        {
            if (guards.SpanProcessor)
            {
                inner.OnStart(data);
            }
        }

        public override void OnEnd(System.Diagnostics.Activity data)
        {
            if (guards.SpanProcessor)
            {
                inner.OnEnd(data);
            }
        }
    }

    /// <summary>
    /// First in the pipeline: an anonymous path's request is marked for the processor and the
    /// database interceptor, and the framework's own per-request metrics (http.server.request.duration)
    /// are switched off for it, which is the framework's documented way to filter them.
    /// </summary>
    private sealed class AnonymousRequestMark(TelemetryGuards guards) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (guards.RequestMark && AnonymousRequests.IsAnonymousPath(context.Request.Path))
                {
                    context.Items[AnonymousRequests.Mark] = true;
                    context.Features.Get<IHttpMetricsTagsFeature>()?.MetricsDisabled = true;
                }

                return following(context);
            });
            next(app);
        };
    }
}
