using FailingWell.Web.Features.Reporting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace FailingWell.Tests.Reporting;

/// <summary>DESIGN.md, "Anonymity is the product": each property here fails its test if it stops being true.</summary>
public sealed class AnonymityTests
{
    private const string CanaryAgent = "CanaryAgent/9.9 (Porter-Night-Shift)";
    private const string CanaryForwarded = "203.0.113.199";
    private static readonly IPAddress CanaryAddress = IPAddress.Parse("198.51.100.233");

    [Fact]
    public async Task A_submission_and_a_follow_up_leave_no_address_agent_or_report_text_in_database_logs_or_outbox()
    {
        using var app = new FailingWellApp { ClientAddress = CanaryAddress }
            .With("Logging:LogLevel:Default", "Trace")
            .With("Logging:LogLevel:Microsoft", "Trace");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(CanaryAgent);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", CanaryForwarded);
        client.DefaultRequestHeaders.Add("X-Real-IP", CanaryForwarded);

        var sent = await new ReportBuilder { WhatHappened = "ReportTextCanary: the sharps bin overflowed" }.PostFormAsync(app, client);
        var page = await FollowUps.OpenAsync(client, sent.ReceiptCode!);
        await FollowUps.SendMessageAsync(client, page, "ReplyTextCanary: it happens every night");
        Assert.NotNull(sent.ReceiptCode);
        Assert.Contains("ReplyTextCanary", (await FollowUps.OpenAsync(client, sent.ReceiptCode!)).Html, StringComparison.Ordinal);

        // On SQLite the file's raw bytes, log included; on PostgreSQL every value of every table.
        SqliteConnection.ClearAllPools();
        var database = app.Provider == FailingWell.Web.Infrastructure.Data.DatabaseProvider.Sqlite
            ? DatabaseBytes.Read(app.DatabasePath)
            : System.Text.Encoding.UTF8.GetBytes(string.Join('\n', (await DatabaseRows.AllAsync(app, includeIdentity: true)).Select(v => v.Value)));
        var logs = app.Logs.AllText;
        await using var scope = app.Scope();
        var outbox = string.Join('\n', await FailingWellApp.NewDbContext(scope).OutboxEmails.Select(e => e.To + e.Subject + e.Body).ToListAsync());

        foreach (var canary in new[] { CanaryAgent, "CanaryAgent", CanaryForwarded, CanaryAddress.ToString() })
        {
            Assert.False(DatabaseBytes.Contains(database, canary), $"'{canary}' is in the database file");
            Assert.DoesNotContain(canary, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, outbox, StringComparison.Ordinal);
        }

        foreach (var text in new[] { "ReportTextCanary", "ReplyTextCanary", sent.ReceiptCode! })
        {
            Assert.DoesNotContain(text, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(text, outbox, StringComparison.Ordinal);
        }

        Assert.Contains("Application started", logs, StringComparison.Ordinal); // the logs were captured
        Assert.DoesNotContain("SubmitReport", logs, StringComparison.Ordinal); // the journey is counted, not logged (0051)
    }

    [Fact]
    public async Task A_signed_in_member_of_staff_who_reports_anonymously_is_linked_to_it_nowhere()
    {
        using var app = new FailingWellApp();
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead, withTwoFactor: false, name: "Signed In Lead");
        var (accountId, email) = (lead.Id, lead.Email);

        var client = await Staff.SignInAsync(app, lead); // the password sign-in must redirect
        var sent = await new ReportBuilder().PostFormAsync(app, client);
        Assert.NotNull(sent.ReceiptCode);

        // Every column of every table outside Identity's own, read as text.
        foreach (var (table, column, value) in await DatabaseRows.AllAsync(app, includeIdentity: false))
        {
            foreach (var identifier in new[] { accountId, email, email.ToUpperInvariant(), "Signed In Lead" })
            {
                Assert.False(value.Contains(identifier, StringComparison.Ordinal), $"{table}.{column} holds '{identifier}'");
            }
        }
    }

    [Fact]
    public async Task A_severe_anonymous_report_leaves_no_outbox_or_audit_time_finer_than_the_end_of_its_time_band()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 11, 3, 10, 7, 23, TimeSpan.Zero));
        using var app = new FailingWellApp { Clock = clock }.With("Triage:EscalationList:0", "safety.team@trust.nhs.uk");
        var client = app.CreateClient();
        var sent = await new ReportBuilder { PhysicalHarm = PhysicalHarm.Severe }.PostFormAsync(app, client);
        clock.Advance(TimeSpan.FromSeconds(41));
        var opened = await FollowUps.OpenAsync(client, sent.ReceiptCode!);
        clock.Advance(TimeSpan.FromSeconds(13));
        await FollowUps.SendMessageAsync(client, opened, "Something I forgot to say");

        await using var scope = app.Scope();
        var db = FailingWellApp.NewDbContext(scope);
        var email = await db.OutboxEmails.SingleAsync();
        // Dated "morning (7am to midday)", so the email is made and sent at midday.
        var endOfMorning = new DateTime(2026, 11, 3, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(endOfMorning, email.CreatedAtUtc);
        Assert.Equal(endOfMorning, email.NextAttemptAtUtc);
        Assert.DoesNotContain(sent.Reference!, email.Subject + email.Body, StringComparison.Ordinal);
        var report = await db.Reports.SingleAsync();
        Assert.Empty(await db.AuditEntries.Where(a => a.ReportId == report.Id).ToListAsync());

        // Nothing goes before the band ends.
        clock.Now = new DateTimeOffset(2026, 11, 3, 11, 59, 59, TimeSpan.Zero);
        Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Email.OutboxDelivery>().DeliverDueAsync(CancellationToken.None)).Sent);
    }

    [Fact]
    public void Reports_and_reporter_messages_keep_no_time_finer_than_a_day_and_a_band()
    {
        using var app = new FailingWellApp();
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Data.FailingWellDbContext>().Model;

        foreach (var entity in new[] { typeof(Report), typeof(ReportMessage) })
        {
            var precise = model.FindEntityType(entity)!.GetProperties()
                .Where(p => Nullable.GetUnderlyingType(p.ClrType) is { } inner ? IsPrecise(inner) : IsPrecise(p.ClrType))
                .Select(p => p.Name)
                .ToList();
            Assert.True(precise.Count == 0, $"{entity.Name} stores a precise time: {string.Join(", ", precise)}");
        }

        static bool IsPrecise(Type type) => type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(TimeSpan);
    }

    [Fact]
    public async Task Report_pages_are_not_cached_leak_no_referrer_allow_only_our_origin_and_set_only_the_antiforgery_cookie()
    {
        using var app = new FailingWellApp();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var answers = await new ReportBuilder().FormAnswersAsync(app);

        var responses = new List<HttpResponseMessage>
        {
            await client.GetAsync(new Uri("/report", UriKind.Relative)),
            (await ReportBuilder.PostAsync(app.CreateClient(), answers)).Response,
            await client.GetAsync(new Uri("/report/follow-up", UriKind.Relative)),
        };
        var sent = await new ReportBuilder().PostFormAsync(app, app.CreateClient());
        responses.Add((await FollowUps.OpenAsync(app.CreateClient(), sent.ReceiptCode!)).Response);

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl!.NoStore, $"{response.RequestMessage!.RequestUri} may be cached");
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("http", csp, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                Assert.All(cookies, cookie =>
                {
                    // The antiforgery cookie, and on the follow-up page its visit (random, nothing about the report: decision 0091).
                    Assert.True(cookie.StartsWith("FailingWell.Antiforgery=", StringComparison.Ordinal)
                        || (cookie.StartsWith(FollowUpVisit.CookieName + "=", StringComparison.Ordinal) && cookie.Contains("path=/report/follow-up", StringComparison.Ordinal)
                            && cookie.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase) && cookie.Contains("httponly", StringComparison.OrdinalIgnoreCase)), cookie);
                    Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
                });
            }
        }
    }
}
