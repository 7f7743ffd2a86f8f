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
        Assert.Contains("/lib/nhsuk-frontend/nhsuk-frontend.min.", html, StringComparison.Ordinal);
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
