using System.Security.Cryptography;
using System.Text;

namespace FailingWell.Web.Infrastructure.Web;

/// <summary>
/// What a reporter's first page carries inline so it paints before any stylesheet or script has arrived on
/// a slow connection (docs/decisions/0128): the rules of the NHS.UK stylesheet and site.css those pages use
/// (wwwroot/css/critical.css, made by tools/critical-css.py) and the one line that tells the NHS.UK frontend
/// scripts run here. Only the pages sent compressed carry it (<see cref="PageCompressionProvider.IsSafe"/>):
/// there it costs 5 KB; in an uncompressed answer it would cost 36. The content security policy allows
/// exactly these two texts by their hashes, and still no other inline script or style.
/// </summary>
public sealed class FirstPaint
{
    // Kept byte for byte with wwwroot/js/supported.js, which every other page loads.
    public const string SupportedScript =
        "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');";

    public FirstPaint(IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var file = environment.WebRootFileProvider.GetFileInfo("css/critical.css");
        if (file.Exists)
        {
            using var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8);
            // The first line says where the file comes from: not worth sending.
            var text = reader.ReadToEnd();
            CriticalCss = text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..].TrimEnd();
        }

        ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self' {Hash(SupportedScript)}; style-src 'self'{(CriticalCss.Length > 0 ? " " + Hash(CriticalCss) : "")}; " +
            "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    /// <summary>Empty when the file is missing (a build without it): the pages then link the stylesheets in the head as every other page does.</summary>
    public string CriticalCss { get; } = "";

    public string ContentSecurityPolicy { get; }

    /// <summary>Whether this answer carries the inline styles and script.</summary>
    public bool Applies(HttpContext context) => CriticalCss.Length > 0 && PageCompressionProvider.IsSafe(context);

    private static string Hash(string text) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}'";
}
