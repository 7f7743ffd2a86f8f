using System.Text.Json;

namespace FailingWell.Tests.Infrastructure.Health;

[Trait(TestDatabase.Trait, TestDatabase.EveryProvider)]
public sealed class HealthTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
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
        Assert.Contains("Reports", await DatabaseRows.TablesAsync(app));
    }
}
