using System.Text.RegularExpressions;

namespace FailingWell.Tests.Deploy;

/// <summary>
/// The site as deploy/Dockerfile publishes it (<see cref="PublishedSite"/>), started from the publish
/// folder in Production: what a fresh clone's image would run, static files included. A publish that
/// fails (NETSDK1152, the migrations assemblies listed twice, stopped it once) fails here.
/// </summary>
[Trait(TestDatabase.Trait, TestDatabase.SqliteOnly)]
[Trait(TestKind.Trait, TestKind.RealProcess)]
public sealed partial class PublishedSiteTests
{
    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/lib/nhsuk-frontend/nhsuk-frontend\\.min\\.[a-z0-9]+\\.css)\"")]
    private static partial Regex NhsukStylesheet();

    [Fact]
    public async Task The_published_site_migrates_answers_ready_shows_the_report_form_and_serves_the_NHS_UK_stylesheet()
    {
        using var database = FailingWellApp.OnEmptyDatabase();
        using var site = await SiteProcess.StartPublishedAsync(database, new Dictionary<string, string> { ["Database:MigrateOnStart"] = "true" });
        using var browser = site.Browser();

        var ready = await browser.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        var report = await browser.GetAsync(new Uri("/report", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var html = await report.Content.ReadAsStringAsync();
        Assert.Contains("name=\"Input.WhatHappened\"", html, StringComparison.Ordinal);

        // The layout's own link, as a browser follows it: from wwwroot in the publish folder.
        var link = NhsukStylesheet().Match(html);
        Assert.True(link.Success, "The report page links no NHS.UK stylesheet.");
        var stylesheet = await browser.GetAsync(new Uri(WebUtility.HtmlDecode(link.Groups[1].Value), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Equal("text/css", stylesheet.Content.Headers.ContentType?.MediaType);
        var css = await stylesheet.Content.ReadAsStringAsync();
        Assert.True(css.Length > 10_000, $"The stylesheet is {css.Length} characters.");
        Assert.Contains(".nhsuk-header", css, StringComparison.Ordinal);
        Assert.Contains(stylesheet.Headers.CacheControl!.Extensions, e => e.Name == "immutable");

        // Compressed with Brotli at publish, chosen by what the browser accepts (docs/decisions/0111).
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(WebUtility.HtmlDecode(link.Groups[1].Value), UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        var brotli = await browser.SendAsync(request);
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.True((await brotli.Content.ReadAsByteArrayAsync()).Length * 5 < css.Length);
        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(WebUtility.HtmlDecode(link.Groups[1].Value), UriKind.Relative));
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip");
        var gzip = await browser.SendAsync(gzipRequest);
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.True((await gzip.Content.ReadAsByteArrayAsync()).Length * 5 < css.Length);
    }
}
