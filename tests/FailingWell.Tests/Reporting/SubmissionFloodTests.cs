namespace FailingWell.Tests.Reporting;

public sealed class SubmissionFloodTests
{
    [Fact]
    public async Task A_flood_of_reports_from_one_client_is_asked_to_wait_in_plain_English_and_keeps_what_they_typed()
    {
        using var app = new FailingWellApp { ClientAddress = IPAddress.Parse("192.0.2.10") }
            .With("Reporting:MaxReportsPerHour", "3");
        var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull((await new ReportBuilder().PostFormAsync(app, client)).ReceiptCode);
        }

        var typed = new ReportBuilder { WhatHappened = "The fourth account, typed with care: the hoist failed twice on ward 9." };
        var fourth = await typed.PostFormAsync(app, client);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Response.StatusCode);
        Assert.Null(fourth.ReceiptCode);
        Assert.Contains("This report has not been sent", fourth.Html, StringComparison.Ordinal);
        Assert.Contains("Try again in about an hour", fourth.Html, StringComparison.Ordinal);
        // The form again, with their words in it: a limit never costs a reporter what they wrote.
        Assert.Contains("name=\"Input.WhatHappened\"", fourth.Html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(typed.WhatHappened), fourth.Html, StringComparison.Ordinal);

        // Another client is not held back by the first one's flood.
        app.ClientAddress = IPAddress.Parse("192.0.2.11");
        Assert.NotNull((await new ReportBuilder().PostFormAsync(app, client)).ReceiptCode);
    }
}
