using FailingWell.Web.Infrastructure.Mediation;
using FailingWell.Web.Infrastructure.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Quartz;

namespace FailingWell.Tests.Infrastructure.Telemetry;

/// <summary>
/// Decision 0108: an operations team's collector receives staff requests, database commands, jobs,
/// the outbox and their metrics over OTLP, and nothing of the anonymous journey: no span, no
/// per-request metric, no count that moves at the moment of a submission, follow-up or reply.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
[Collection(TelemetryExportTests.Collection)]
public sealed class TelemetryExportTests
{
    /// <summary>
    /// OpenTelemetry listens to the framework's activity sources for the whole process, so another test's
    /// host running at the same time would reach this collector: these tests run alone.
    /// </summary>
    public const string Collection = "telemetry";

    /// <summary>The database the test runs on, as OpenTelemetry names it.</summary>
    private static string Provider => Environment.GetEnvironmentVariable("FAILINGWELL_TEST_PROVIDER") == "PostgreSql" ? "postgresql" : "sqlite";

    internal static FailingWellApp AppExportingTo(OtlpCollector collector) => new FailingWellApp()
        .With("OpenTelemetry:Endpoint", collector.Endpoint)
        .With("OpenTelemetry:Protocol", "http/protobuf")
        .With("Email:DeliveryIntervalSeconds", "1");

    internal static void Flush(FailingWellApp app)
    {
        // A request's server span and duration end just after the test client has read the response.
        Thread.Sleep(500);
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    /// <summary>The newest exported value of each series (metrics are cumulative).</summary>
    internal static Dictionary<string, double> Latest(OtlpCollector collector, string metric) =>
        collector.Points.Where(p => p.Name == metric)
            .GroupBy(p => string.Join(",", p.Attributes.OrderBy(a => a.Key).Select(a => $"{a.Key}={a.Value}")))
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.TimeNanos).Last().Value);

    /// <summary>Stops the jobs firing, and waits until a running one has ended, so that what arrives next is the test's.</summary>
    internal static async Task QuietSchedulerAsync(FailingWellApp app, OtlpCollector collector)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Standby();
        // A job already running ends with its spans; waiting for it (not a fixed 2 s) took 20 s off each pass.
        var until = DateTime.UtcNow.AddSeconds(15);
        while ((await scheduler.QueryFireInstances(new FireInstanceQuery { State = null })).Items.Count > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        Flush(app);
        collector.Clear();
    }

    [Fact]
    public void Without_an_endpoint_nothing_of_OpenTelemetry_is_registered()
    {
        using var app = new FailingWellApp();
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<DatabaseCommandTelemetry>());
        Assert.DoesNotContain(app.Services.GetServices<IJobListener>(), l => l is JobTelemetryListener);
    }

    [Fact]
    public async Task A_collector_receives_staff_requests_database_commands_jobs_and_the_outbox_with_their_metrics_and_no_sql()
    {
        using var collector = new OtlpCollector();
        using var app = AppExportingTo(collector);
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var client = await Staff.SignInAsync(app, lead);
        (await client.GetAsync(new Uri("/triage?q=QueryMarker", UriKind.Relative))).EnsureSuccessStatusCode();

        Assert.True(await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(30), () =>
        {
            Flush(app);
            return Task.FromResult(collector.Spans.Any(s => s.Name == "job email.outbox-delivery")
                && collector.Spans.Any(s => s.Name == "outbox delivery"));
        }));
        Flush(app);

        var spans = collector.Spans;
        var triage = spans.First(s => s.Scope == "Microsoft.AspNetCore" && s.Attribute("http.route") == "triage");
        Assert.Contains(spans, s => s.TraceId == triage.TraceId && s.Attribute("db.system.name") == Provider && s.Attribute("db.operation.name") == "SELECT");
        var job = spans.First(s => s.Name == "job email.outbox-delivery" && s.Attribute("job.name") == "outbox-delivery");
        Assert.NotEqual(0UL, job.StartNanos);
        Assert.Contains(spans, s => s.Name == "outbox delivery" && s.Attribute("failingwell.outbox.sent") != "");
        foreach (var span in spans)
        {
            // The command's text and parameters never travel, nor what the lead searched for.
            Assert.DoesNotContain(span.Attributes.Values, v => v.Contains("FROM", StringComparison.OrdinalIgnoreCase) || v.Contains("QueryMarker", StringComparison.Ordinal));
        }

        Assert.Contains(collector.Points, p => p.Name == "http.server.request.duration" && p.Attribute("http.route") == "triage");
        Assert.Contains(collector.Points, p => p.Name == "db.client.operation.duration" && p.Attribute("db.system.name") == Provider && p.Value > 0);
        Assert.Contains(collector.Points, p => p.Name == "failingwell.job.duration" && p.Attribute("job.name") == "email.outbox-delivery");
        Assert.Contains(collector.Points, p => p.Name == "http.server.request.duration");
    }

    [Fact]
    public async Task After_a_submission_a_follow_up_and_a_reply_nothing_of_them_reaches_the_collector()
    {
        using var collector = new OtlpCollector();
        using var app = AppExportingTo(collector);
        var client = app.CreateClient();
        var answers = await new ReportBuilder { WhatHappened = "JourneyMarker text" }.FormAnswersAsync(app);
        await QuietSchedulerAsync(app, collector);
        Flush(app);
        var requestsBefore = Latest(collector, "http.server.request.duration");
        collector.Clear();

        await client.GetStringAsync(new Uri("/", UriKind.Relative));
        await client.GetStringAsync(new Uri("/css/site.css", UriKind.Relative));
        var sent = await ReportBuilder.PostAsync(client, answers);
        Assert.NotNull(sent.ReceiptCode);
        var opened = await FollowUps.OpenAsync(client, sent.ReceiptCode!);
        await FollowUps.SendMessageAsync(client, opened, "ReplyMarker text");
        Flush(app);

        Assert.Empty(collector.RequestSpans());
        Assert.Equal(requestsBefore, Latest(collector, "http.server.request.duration"));
        Assert.DoesNotContain(collector.Points, p => p.Name == "http.server.request.duration" && p.Attribute("http.route") is "" or "/" or "report" or "report/follow-up");
        // No anonymous count has moved: the band these acts fell in has not ended.
        Assert.All(collector.Points.Where(p => p.Name.StartsWith("failingwell.anonymous.", StringComparison.Ordinal)), p => Assert.Equal(0, p.Value));
    }

    [Fact]
    public async Task Anonymous_counts_are_exported_only_as_totals_of_ended_time_bands()
    {
        using var collector = new OtlpCollector();
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var app = AppExportingTo(collector);
        app.Clock = clock;
        var client = app.CreateClient();
        await new ReportBuilder().PostFormAsync(app, client);
        await new ReportBuilder().PostFormAsync(app, client);
        Flush(app);
        Assert.DoesNotContain(collector.Points, p => p.Name == "failingwell.anonymous.handled" && p.Value > 0);

        // The longest band (night, 22:00 to 07:00) is nine hours: ten hours later the band has ended.
        clock.Advance(TimeSpan.FromHours(10));
        collector.Clear();
        Flush(app);
        var handled = Latest(collector, "failingwell.anonymous.handled");
        Assert.Equal(2, handled["request=SubmitReport.Command"]);

        // Another submission in the new band is not published until that band ends too.
        await new ReportBuilder().PostFormAsync(app, client);
        collector.Clear();
        Flush(app);
        Assert.Equal(2, Latest(collector, "failingwell.anonymous.handled")["request=SubmitReport.Command"]);
    }
}

[CollectionDefinition(TelemetryExportTests.Collection, DisableParallelization = true)]
public sealed class TelemetryCollection;
