using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace FailingWell.Tests.Infrastructure.Web;

/// <summary>
/// HTML is compressed only where BREACH has nothing to find (docs/decisions/0112): the reporter's
/// forms as first opened, never a posted form's answer (a receipt code) and never a staff page.
/// </summary>
public sealed partial class PageCompressionTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [Theory]
    [InlineData("/report")]
    [InlineData("/report/follow-up")]
    [InlineData("/")]
    public async Task A_reporters_form_is_sent_compressed_to_a_browser_that_accepts_brotli(string path)
    {
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");

        var response = await client.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var html = await new StreamReader(brotli, Encoding.UTF8).ReadToEndAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Contains("</html>", html, StringComparison.Ordinal);
        Assert.True(compressed.Length * 2 < Encoding.UTF8.GetByteCount(html), $"{compressed.Length} bytes compressed from {html.Length} characters");
    }

    [Fact]
    public async Task The_antiforgery_field_differs_in_every_answer_so_a_compressed_form_has_no_fixed_secret()
    {
        var client = app.CreateClient();

        var first = Token().Match(await client.GetStringAsync(new Uri("/report", UriKind.Relative))).Groups[1].Value;
        var second = Token().Match(await client.GetStringAsync(new Uri("/report", UriKind.Relative))).Groups[1].Value;

        Assert.NotEmpty(first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task The_page_showing_a_receipt_code_is_never_compressed()
    {
        var client = app.CreateDefaultClient(new CookieContainerHandler(), new AcceptsCompressionOnPosts());

        var sent = await new ReportBuilder().PostFormAsync(app, client);

        Assert.Equal(HttpStatusCode.OK, sent.Response.StatusCode);
        Assert.NotNull(sent.ReceiptCode);
        Assert.Empty(sent.Response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_report_read_back_with_its_code_is_never_compressed()
    {
        var sent = await new ReportBuilder().PostFormAsync(app, app.CreateClient());
        var client = app.CreateDefaultClient(new CookieContainerHandler(), new AcceptsCompressionOnPosts());

        var opened = await FollowUps.OpenAsync(client, sent.ReceiptCode!);

        Assert.Equal(HttpStatusCode.OK, opened.Response.StatusCode);
        Assert.Empty(opened.Response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/triage?Filter.Search=bed")]
    [InlineData("/report")]
    public async Task No_page_is_compressed_for_signed_in_staff(string path)
    {
        var lead = await Staff.CreateAsync(app, StaffRoles.GovernanceLead);
        var client = await Staff.SignInAsync(app, lead);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("</html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A browser that accepts Brotli and gzip on its posts (the forms it reads first stay plain for the test to parse).</summary>
    private sealed class AcceptsCompressionOnPosts : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post)
            {
                request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
