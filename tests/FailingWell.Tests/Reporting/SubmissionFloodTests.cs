namespace FailingWell.Tests.Reporting;

public sealed class SubmissionFloodTests
{
    [Fact]
    public async Task A_flood_of_reports_from_one_client_is_asked_to_wait_in_plain_English()
    {
        using var app = new FailingWellApp { ClientAddress = IPAddress.Parse("192.0.2.10") }
            .With("Reporting:MaxReportsPerHour", "3");
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull((await new ReportBuilder().PostFormAsync(app, client)).ReceiptCode);
        }

        var fourth = await new ReportBuilder().PostFormAsync(app, client);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Response.StatusCode);
        Assert.Contains("You have tried too many times", fourth.Html, StringComparison.Ordinal);
        Assert.Contains("try again later", fourth.Html, StringComparison.OrdinalIgnoreCase);

        // Another client is not held back by the first one's flood.
        app.ClientAddress = IPAddress.Parse("192.0.2.11");
        Assert.NotNull((await new ReportBuilder().PostFormAsync(app, client)).ReceiptCode);
    }
}
