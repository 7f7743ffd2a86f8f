using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace FailingWell.Tests.Infrastructure.Web;

/// <summary>
/// Static assets as MapStaticAssets serves them (docs/decisions/0111): the layout links each at its
/// fingerprinted address, kept a year and immutable, compressed at build; pages stay no-store. The
/// tests' host runs from the build's output, outside Development, as a published site does
/// (PublishedSiteTests checks the publish itself).
/// </summary>
public sealed partial class StaticAssetsTests
{
    private static FailingWellApp App() => new();

    [GeneratedRegex("(?:href|src)=\"(/(?:lib|css|js)/[^\"]+)\"")]
    private static partial Regex AssetAddress();

    [Fact]
    public async Task The_layout_links_every_asset_at_a_fingerprinted_address_kept_a_year_and_immutable_while_the_page_is_not_kept()
    {
        using var app = App();
        var client = app.CreateClient();

        var page = await client.GetAsync(new Uri("/report", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var assets = AssetAddress().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.True(page.Headers.CacheControl!.NoStore);
        Assert.Contains(assets, a => a.StartsWith("/lib/nhsuk-frontend/nhsuk-frontend.min.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/js/init.", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            // name.fingerprint.ext: the address changes whenever the file does.
            Assert.Matches(@"/[^/]+\.[a-z0-9]{10}\.[a-z]+$", asset);
            var response = await client.GetAsync(new Uri(asset, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, asset);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
            Assert.Contains(response.Headers.CacheControl.Extensions, e => e.Name == "immutable");
            Assert.False(response.Headers.CacheControl.NoStore, asset);
            Assert.False(response.Headers.Contains("Pragma"), asset);
        }
    }

    [Fact]
    public async Task An_asset_at_its_plain_address_is_revalidated_not_kept()
    {
        using var app = App();
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/lib/nhsuk-frontend/nhsuk-frontend.min.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoCache);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task A_browser_that_accepts_gzip_gets_the_stylesheet_compressed_at_build()
    {
        using var app = App();
        var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri("/report", UriKind.Relative));
        var stylesheet = AssetAddress().Matches(html).Select(m => m.Groups[1].Value).First(a => a.Contains("nhsuk-frontend.min.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(stylesheet, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        await using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
        var css = await new StreamReader(gzip).ReadToEndAsync();
        Assert.Contains(".nhsuk-header", css, StringComparison.Ordinal);
        Assert.True(body.Length * 5 < css.Length, $"{body.Length} bytes for {css.Length} characters");
    }

    [Fact]
    public async Task Every_static_asset_is_open_to_anyone_and_is_the_only_thing_served_from_wwwroot()
    {
        using var app = App();
        var endpoints = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
            .ToList();
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.NotNull(e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>()));
        // No catch-all route serving files the build did not list (MapStaticAssets' development fallback).
        Assert.DoesNotContain(app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>(),
            e => e.RoutePattern.RawText?.Contains(":file}", StringComparison.Ordinal) == true);
        foreach (var path in new[] { "/css/site.css", "/js/init.js", "/lib/nhsuk-frontend/assets/images/favicon.svg" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
    }
}
