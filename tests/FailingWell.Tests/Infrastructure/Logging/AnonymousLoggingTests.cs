namespace FailingWell.Tests.Infrastructure.Logging;

/// <summary>
/// DESIGN.md: no IP address, user agent or report text in any log. Even with every category turned
/// up to Trace in configuration, what identifies a visitor or repeats their input never reaches a log.
/// </summary>
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
}
