namespace FailingWell.Tests.Infrastructure.Logging;

/// <summary>
/// DESIGN.md: no IP address, user agent or report text in any log. Even with every category turned
/// up to Trace in configuration, what identifies a visitor or repeats their input never reaches a log.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class AnonymousLoggingTests
{
    [Fact]
    public async Task Logs_at_trace_level_hold_no_address_agent_query_string_form_value_or_sql_parameter()
    {
        using var app = new FailingWellApp()
            .With("Logging:LogLevel:Default", "Trace")
            .With("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .With("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Trace")
            .With("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Trace")
            .With("Logging:Console:LogLevel:Microsoft", "Trace");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("AgentMarker/7.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");

        await client.GetAsync(new Uri("/?q=QueryMarker", UriKind.Relative));
        await Forms.PostAsync(client, "/account/sign-in?returnUrl=%2FReturnMarker", new Dictionary<string, string>
        {
            ["Input.Email"] = "formmarker@trust.nhs.uk",
            ["Input.Password"] = "PasswordMarker-123",
        });

        var logs = app.Logs.AllText;
        Assert.Contains("Handled PasswordSignIn.Command in", logs, StringComparison.Ordinal);
        foreach (var marker in new[] { "AgentMarker", "203.0.113.77", "QueryMarker", "ReturnMarker", "formmarker", "PasswordMarker" })
        {
            Assert.DoesNotContain(marker, logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task The_anonymous_journey_writes_no_log_line_that_could_date_it_and_is_counted_instead()
    {
        using var app = new FailingWellApp()
            .With("Logging:LogLevel:Default", "Trace")
            .With("Logging:LogLevel:Microsoft", "Trace")
            .With("Logging:Console:LogLevel:Default", "Trace");
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        app.Clock = clock;
        var meters = app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var handled = new Dictionary<string, long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // This app's meter only: other tests' apps count their own journeys in parallel.
            if (instrument.Meter.Name == FailingWell.Web.Infrastructure.Mediation.AnonymousJourneyMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (handled)
            {
                var request = tags.ToArray().Single(t => t.Key == "request").Value as string ?? "";
                handled[request] = handled.GetValueOrDefault(request) + value;
            }
        });
        listener.Start();
        var client = app.CreateClient();
        var sent = await new ReportBuilder { WhatHappened = "JourneyMarker text" }.PostFormAsync(app, client);

        var opened = await FollowUps.OpenAsync(client, sent.ReceiptCode!);
        await FollowUps.SendMessageAsync(client, opened, "ReplyMarker text");
        var again = await new ReportBuilder().PostFormAsync(app, client);
        Assert.NotNull(again.ReceiptCode);

        var journey = app.Logs.Lines.Select(l => $"{l.Category} {l.Message}").ToList();
        foreach (var name in new[] { "SubmitReport", "ReportForm", "OpenWithReceipt", "ReadFollowUp", "ReplyToReviewer", "ReportIntake", "/report", sent.Reference!, again.Reference!, "Marker" })
        {
            Assert.DoesNotContain(journey, line => line.Contains(name, StringComparison.Ordinal));
        }

        // Counts are published only once the time band they fell in has ended (decision 0108).
        listener.RecordObservableInstruments();
        lock (handled)
        {
            Assert.Empty(handled);
        }

        clock.Advance(TimeSpan.FromHours(10));
        listener.RecordObservableInstruments();
        lock (handled)
        {
            Assert.Equal(2, handled.GetValueOrDefault("SubmitReport.Command"));
            Assert.True(handled.GetValueOrDefault("OpenWithReceipt.Command") >= 1);
            Assert.True(handled.GetValueOrDefault("ReplyToReviewer.Command") >= 1);
        }
    }

    [Fact]
    public async Task A_report_refused_for_its_antiforgery_token_leaves_no_log_line()
    {
        using var app = new FailingWellApp()
            .With("Logging:LogLevel:Default", "Trace")
            .With("Logging:LogLevel:Microsoft", "Trace");
        var opened = app.CreateClient();
        var page = await opened.GetStringAsync(new Uri("/report", UriKind.Relative));
        var token = Forms.TokenIn(page);
        var otherCookie = app.CreateClient(); // a browser whose cookie belongs to another form
        await otherCookie.GetStringAsync(new Uri("/report", UriKind.Relative));
        var noCookie = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var before = app.Logs.Lines.Count;

        foreach (var client in new[] { otherCookie, noCookie })
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.WhatHappened"] = "TokenMarker text",
            });
            var response = await client.PostAsync(new Uri("/report", UriKind.Relative), form);

            // The report page checks the token itself and answers with the form kept, not a bare 400.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("open for too long", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Antiforgery's warning would date the failed anonymous submission to the second.
        var lines = app.Logs.Lines.Skip(before).Select(l => $"{l.Category} {l.Level} {l.Message}").ToList();
        Assert.Empty(lines);
    }
}
