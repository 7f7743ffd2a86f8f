using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using FailingWell.Web.Domain.Network;

namespace FailingWell.Web.Features.Network.Member;

/// <summary>
/// A funnel plot as server-rendered SVG (it prints and needs no script): rate per 1,000 bed days against bed
/// days, the pooled rate, 95% limits dashed, 99.8% limits solid, peers grey and this organisation blue and
/// labelled. The same numbers are in a table beside it for those who cannot see the chart.
/// </summary>
public static class FunnelChart
{
    private const int Width = 720;
    private const int Height = 340;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 48;

    public static string Svg(Funnel funnel, string id, string description)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var encoder = HtmlEncoder.Default;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"fw-funnel\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">Funnel plot of reporting rate against bed days</title><desc id=\"{id}-desc\">{encoder.Encode(description)}</desc>");
        if (funnel.Points.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" class=\"fw-spc-note\">No organisations to show</text></svg>");
            return svg.ToString();
        }

        var maxX = funnel.Curve.Max(c => c.BedDays);
        // The y axis covers every point and the whole 99.8% funnel as sampled.
        var ys = funnel.Points.Select(p => p.Rate).Concat(funnel.Curve.SelectMany(c => new[] { c.Upper998, c.Lower998 })).ToList();
        var maxY = ys.Max() * 1.05;
        var minY = Math.Max(0, ys.Min() * 0.95);
        if (maxY <= minY)
        {
            maxY = minY + 1;
        }

        double X(double e) => Left + ((Width - Left - Right) * (e / maxX));
        double Y(double v) => Top + ((Height - Top - Bottom) * (1 - ((v - minY) / (maxY - minY))));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        for (var g = 0; g <= 4; g++)
        {
            var v = minY + ((maxY - minY) * g / 4);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" class=\"fw-spc-grid\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\" class=\"fw-spc-axis\">{v:0.#}</text>");
            var e = maxX * g / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(e))}\" y=\"{Height - 28}\" text-anchor=\"middle\" class=\"fw-spc-axis\">{e.ToString("#,0", CultureInfo.GetCultureInfo("en-GB"))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Width + Left) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\" class=\"fw-spc-axis\">Occupied bed days</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(funnel.PooledRate))}\" y2=\"{F(Y(funnel.PooledRate))}\" class=\"fw-spc-mean\"/>");

        string Curve(Func<FunnelLimits, double> value) => string.Join(' ', funnel.Curve
            .Select((c, k) => $"{(k == 0 ? 'M' : 'L')}{F(X(c.BedDays))},{F(Y(value(c)))}"));
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{Curve(c => c.Upper95)}\" class=\"fw-funnel-95\"/><path d=\"{Curve(c => c.Lower95)}\" class=\"fw-funnel-95\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{Curve(c => c.Upper998)}\" class=\"fw-funnel-998\"/><path d=\"{Curve(c => c.Lower998)}\" class=\"fw-funnel-998\"/>");

        foreach (var p in funnel.Points.OrderBy(p => p.IsYou))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(p.BedDays))}\" cy=\"{F(Y(p.Rate))}\" r=\"{(p.IsYou ? 7 : 5)}\" class=\"{(p.IsYou ? "fw-funnel-you" : "fw-funnel-peer")}\"><title>{encoder.Encode(p.Organisation)}</title></circle>");
            if (p.IsYou)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(p.BedDays) + 10)}\" y=\"{F(Y(p.Rate) - 8)}\" class=\"fw-funnel-you-text\">You</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
