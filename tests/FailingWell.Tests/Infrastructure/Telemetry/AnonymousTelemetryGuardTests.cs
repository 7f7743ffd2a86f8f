using FailingWell.Web.Infrastructure.Telemetry;
using static FailingWell.Tests.Infrastructure.Telemetry.TelemetryExportTests;

namespace FailingWell.Tests.Infrastructure.Telemetry;

/// <summary>
/// The anonymous journey is kept out of telemetry by separate guards (decision 0108). Each test turns
/// guards off to show what leaks without them, so none of them is there by habit: the path filter and
/// the mediator's mark each keep the journey's spans out alone; the processor is what holds when an
/// operator's sampler keeps children of unrecorded requests; the request mark is the only thing that
/// stops the framework's request-duration metric. (The interceptor's guard, the only one for database
/// durations, has no test yet: background services' own commands move the same histogram.)
/// </summary>
[Collection(TelemetryExportTests.Collection)]
public sealed class AnonymousTelemetryGuardTests
{
    private static async Task<(OtlpCollector Collector, FailingWellApp App, Dictionary<string, string> Answers)> StartAsync(
        Action<TelemetryGuards, DatabaseCommandTelemetry> configure, params (string Key, string Value)[] settings)
    {
        var collector = new OtlpCollector();
        var app = AppExportingTo(collector);
        foreach (var (key, value) in settings)
        {
            app.With(key, value);
        }

        var answers = await new ReportBuilder().FormAnswersAsync(app);
        configure(app.Services.GetRequiredService<TelemetryGuards>(), app.Services.GetRequiredService<DatabaseCommandTelemetry>());
        await QuietSchedulerAsync(app, collector);
        return (collector, app, answers);
    }

    private static async Task JourneyAsync(FailingWellApp app, Dictionary<string, string> answers)
    {
        var client = app.CreateClient();
        var sent = await ReportBuilder.PostAsync(client, answers);
        Assert.NotNull(sent.ReceiptCode);
        var opened = await FollowUps.OpenAsync(client, sent.ReceiptCode!);
        await FollowUps.SendMessageAsync(client, opened, "A reply");
        Flush(app);
    }

    private static void AllOff(TelemetryGuards guards, DatabaseCommandTelemetry database)
    {
        guards.RequestFilter = false;
        guards.MediatorMark = false;
        guards.SpanProcessor = false;
        guards.RequestMark = false;
        database.GuardsAnonymousRequests = false;
    }

    [Fact]
    public async Task With_every_guard_off_the_journey_would_reach_the_collector_with_its_routes_and_database_calls()
    {
        var (collector, app, answers) = await StartAsync(AllOff);
        using (collector)
        using (app)
        {
            await JourneyAsync(app, answers);
            Assert.Contains(collector.Spans, s => s.Attribute("http.route") == "report");
            Assert.Contains(collector.Spans, s => s.Attribute("http.route") == "report/follow-up");
            Assert.Contains(collector.Spans, s => s.Attribute("db.operation.name") == "INSERT");
            Assert.Contains(collector.Points, p => p.Name == "http.server.request.duration" && p.Attribute("http.route") == "report");
        }
    }

    [Theory]
    [InlineData(nameof(TelemetryGuards.RequestFilter))]
    [InlineData(nameof(TelemetryGuards.MediatorMark))]
    public async Task The_path_filter_and_the_mediator_mark_each_keep_the_journey_s_spans_out_alone(string guard)
    {
        var (collector, app, answers) = await StartAsync((guards, database) =>
        {
            AllOff(guards, database);
            guards.RequestFilter = guard == nameof(TelemetryGuards.RequestFilter);
            guards.MediatorMark = guard == nameof(TelemetryGuards.MediatorMark);
        });
        using (collector)
        using (app)
        {
            await JourneyAsync(app, answers);
            // The mediator mark is for the journey's requests; the form's GET with no mediator request
            // on an unknown path is what the path filter is for, so only the posts are checked here.
            Assert.DoesNotContain(collector.RequestSpans(), s => s.Attribute("db.operation.name") is "INSERT" or "UPDATE");
            Assert.DoesNotContain(collector.Spans, s => s.Attribute("http.request.method") == "POST");
        }
    }

    [Fact]
    public async Task The_home_page_and_static_files_are_kept_out_by_the_path_filter_as_no_mediator_request_marks_them()
    {
        var (collector, app, _) = await StartAsync((guards, database) =>
        {
            AllOff(guards, database);
            guards.MediatorMark = true;
        });
        using (collector)
        using (app)
        {
            var client = app.CreateClient();
            await client.GetStringAsync(new Uri("/css/site.css", UriKind.Relative));
            Flush(app);
            Assert.Contains(collector.Spans, s => s.Attribute("url.path") == "/css/site.css");

            collector.Clear();
            app.Services.GetRequiredService<TelemetryGuards>().RequestFilter = true;
            await client.GetStringAsync(new Uri("/css/site.css", UriKind.Relative));
            await client.GetStringAsync(new Uri("/", UriKind.Relative));
            Flush(app);
            Assert.Empty(collector.RequestSpans());
        }
    }

    [Fact]
    public async Task Under_an_always_on_sampler_only_the_processor_keeps_the_journey_s_database_spans_out()
    {
        // An operator may set the sampler; always_on keeps children whose parent was not recorded.
        var (collector, app, answers) = await StartAsync((guards, database) =>
        {
            AllOff(guards, database);
            guards.RequestFilter = true;
        }, ("OTEL_TRACES_SAMPLER", "always_on"));
        using (collector)
        using (app)
        {
            await JourneyAsync(app, answers);
            Assert.Contains(collector.Spans, s => s.Attribute("db.operation.name") == "INSERT");

            var again = await new ReportBuilder().FormAnswersAsync(app);
            var guards = app.Services.GetRequiredService<TelemetryGuards>();
            guards.RequestMark = true;
            guards.SpanProcessor = true;
            Flush(app);
            collector.Clear();
            await JourneyAsync(app, again);
            Assert.Empty(collector.RequestSpans());
        }
    }

    [Fact]
    public async Task Only_the_request_mark_keeps_anonymous_routes_out_of_the_framework_s_request_duration_metric()
    {
        var (collector, app, answers) = await StartAsync((guards, _) => guards.RequestMark = false);
        using (collector)
        using (app)
        {
            await JourneyAsync(app, answers);
            Assert.Empty(collector.RequestSpans());
            Assert.Contains(collector.Points, p => p.Name == "http.server.request.duration" && p.Attribute("http.route") == "report");
        }

        var (collector2, app2, answers2) = await StartAsync((_, _) => { });
        using (collector2)
        using (app2)
        {
            await JourneyAsync(app2, answers2);
            Assert.DoesNotContain(collector2.Points, p => p.Name == "http.server.request.duration" && p.Attribute("http.route").StartsWith("report", StringComparison.Ordinal));
        }
    }
}
