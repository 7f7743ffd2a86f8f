using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FailingWell.Tests.Infrastructure.Logging;

/// <summary>An unhandled error shows a friendly page, never a stack trace, and logs no input.</summary>
public sealed class UnhandledErrorTests
{
    private sealed class ThrowingApp : FailingWellApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowAtTheEnd>());
        }
    }

    // Added after the application's own pipeline, so it runs inside its exception handler.
    private sealed class ThrowAtTheEnd : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/throw-for-test"
                ? throw new InvalidOperationException("Input echoed in a message: " + context.Request.Query["text"])
                : Task.CompletedTask);
        };
    }

    [Fact]
    public async Task An_unhandled_exception_shows_a_friendly_page_and_logs_no_message_or_input()
    {
        using var app = new ThrowingApp();
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/throw-for-test?text=SecretReportText", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Sorry, there is a problem with the service", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretReportText", html, StringComparison.Ordinal);
        Assert.DoesNotContain("at Microsoft.", html, StringComparison.Ordinal); // no stack frames
        Assert.DoesNotContain("at FailingWell.", html, StringComparison.Ordinal);
        Assert.Contains("Unhandled System.InvalidOperationException", app.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretReportText", app.Logs.AllText, StringComparison.Ordinal);
    }
}
