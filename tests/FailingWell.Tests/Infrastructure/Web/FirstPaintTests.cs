using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FailingWell.Web.Infrastructure.Web;

namespace FailingWell.Tests.Infrastructure.Web;

/// <summary>
/// A reporter's first page paints from inline rules before the stylesheet arrives (docs/decisions/0128): only
/// the pages sent compressed carry them, the content security policy allows exactly those texts by hash,
/// and the rules are the stylesheets' own, so an upgrade of the NHS.UK frontend cannot leave them behind.
/// </summary>
public sealed partial class FirstPaintTests(FailingWellApp app) : IClassFixture<FailingWellApp>
{
    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    private static string WebRoot(string path) =>
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "FailingWell.Web", "wwwroot", path);

    private static string Hash(string text) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'";

    [Theory]
    [InlineData("/report")]
    [InlineData("/report/follow-up")]
    [InlineData("/")]
    public async Task A_reporters_first_page_carries_the_rules_inline_allowed_by_their_hashes_and_links_the_stylesheets_after_its_content(string path)
    {
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        var style = InlineStyle().Match(html).Groups[1].Value;
        var script = InlineScript().Match(html).Groups[1].Value;
        Assert.Contains(".nhsuk-header{", style, StringComparison.Ordinal);
        Assert.Contains($"style-src 'self' {Hash(style)};", policy, StringComparison.Ordinal);
        Assert.Contains($"script-src 'self' {Hash(script)};", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        // The stylesheets come after the page's content, so they hold up nothing before them.
        Assert.True(html.IndexOf("nhsuk-frontend.min.", StringComparison.Ordinal) > html.IndexOf("</footer>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_staff_page_and_a_posted_forms_answer_link_the_stylesheets_in_the_head_with_nothing_inline()
    {
        var signIn = await app.CreateClient().GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var sent = await new ReportBuilder().PostFormAsync(app, app.CreateClient());
        var receipt = await sent.Response.Content.ReadAsStringAsync();

        foreach (var html in new[] { signIn, receipt })
        {
            Assert.DoesNotContain("<style>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
            Assert.True(html.IndexOf("nhsuk-frontend.min.", StringComparison.Ordinal) < html.IndexOf("</head>", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_inline_rule_is_one_of_the_stylesheets_own_and_the_inline_script_is_supported_js()
    {
        static string Minify(string css) =>
            Regex.Replace(Regex.Replace(Regex.Replace(css, @"/\*.*?\*/", "", RegexOptions.Singleline), @"\s+", " "), @"\s*([{};,>])\s*", "$1");
        var sheets = Minify(File.ReadAllText(WebRoot("lib/nhsuk-frontend/nhsuk-frontend.min.css"))) + Minify(File.ReadAllText(WebRoot("css/site.css")));
        var critical = File.ReadAllText(WebRoot("css/critical.css"));
        var declarations = Regex.Matches(critical, @"\{([^{}]+)\}").Select(m => m.Groups[1].Value).ToList();

        Assert.True(declarations.Count > 100, $"{declarations.Count} rules");
        Assert.All(declarations, body => Assert.Contains("{" + body + "}", sheets, StringComparison.Ordinal));
        Assert.Contains(FirstPaint.SupportedScript, File.ReadAllLines(WebRoot("js/supported.js")));
    }
}
