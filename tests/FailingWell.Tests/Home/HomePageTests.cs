using System.Text.Json;

namespace FailingWell.Tests.Home;

public sealed class HomePageTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    [Fact]
    public async Task Home_page_tells_staff_what_to_report_and_that_nobody_is_blamed()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nobody will be blamed for reporting", html, StringComparison.Ordinal);
        Assert.Contains("nearly happened", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/report\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/sign-in\"", html, StringComparison.Ordinal);
        Assert.Contains("nhsuk-frontend.min.css", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_page_answers_at_the_address_printed_on_posters()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Report something", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_the_database_and_the_scheduler_healthy_on_a_fresh_database()
    {
        var client = app.CreateClient();

        // The scheduler starts just after the site does: a load balancer waits the same way.
        HttpResponseMessage response = null!;
        await Eventually.TrueWithinAsync(TimeSpan.FromSeconds(30), async () =>
        {
            response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        });
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("scheduler").GetString());
        Assert.True(File.Exists(app.DatabasePath));
    }

    [Fact]
    public async Task The_NHS_frontend_stylesheet_is_served()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/lib/nhsuk-frontend/nhsuk-frontend.min.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".nhsuk-header", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_page_gets_a_friendly_not_found_page()
    {
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }
}
