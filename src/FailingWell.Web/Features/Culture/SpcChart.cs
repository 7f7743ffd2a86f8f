using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace FailingWell.Web.Features.Culture;

/// <summary>
/// An XmR chart as server-rendered SVG: it prints and works without JavaScript. Grey points are common
/// cause, blue (#00b0f0) improvement, orange (#e46c0a) concern, as Making Data Count colours them.
/// </summary>
public static class SpcChart
{
    private const int Width = 720;
    private const int Height = 260;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;

    /// <summary>The box a marker's number takes (up to two digits at 11px): labels closer than this are stacked.</summary>
    public const int MarkerLabelWidth = 16;
    public const int MarkerLabelHeight = 13;

    public static string Svg(CultureView.Series series, IReadOnlyList<CultureView.Marker> markers, string id)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(markers);
        var points = series.Points;
        var present = points.Where(p => p.Value is not null).ToList();
        var encoder = HtmlEncoder.Default;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"fw-spc\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{encoder.Encode(series.Measure.Name)}</title><desc id=\"{id}-desc\">{encoder.Encode(series.Reading)}</desc>");
        if (present.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" class=\"fw-spc-note\">No figures to show</text></svg>");
            return svg.ToString();
        }

        var limits = points.SelectMany(p => new[] { p.Spc.Upper, p.Spc.Lower }).Where(v => v is not null).Select(v => v!.Value);
        var all = present.Select(p => p.Value!.Value).Concat(limits).Concat(series.Target is { } goal ? [goal] : []).ToList();
        var min = Math.Min(0, all.Min());
        var max = all.Max();
        if (max <= min)
        {
            max = min + 1;
        }

        // A little headroom, but never past what the measure can reach (a share stops at 100%). Limits
        // arrive clamped to the measure's range (Spc), so for counts the axis starts at 0.
        max = Math.Min(max + ((max - min) * 0.05), Math.Max(max, series.Measure.Highest));
        double X(int i) => Left + ((Width - Left - Right) * (points.Count == 1 ? 0.5 : (double)i / (points.Count - 1)));
        double Y(double v) => Top + ((Height - Top - Bottom) * (1 - ((v - min) / (max - min))));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        // Axes and a few value gridlines.
        for (var g = 0; g <= 4; g++)
        {
            var v = min + ((max - min) * g / 4);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" class=\"fw-spc-grid\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\" class=\"fw-spc-axis\">{v:0.#}</text>");
        }

        for (var i = 0; i < points.Count; i += Math.Max(1, points.Count / 6))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{Height - 12}\" text-anchor=\"middle\" class=\"fw-spc-axis\">{encoder.Encode(points[i].Label)}</text>");
        }

        // Mean and process limits, segment by segment (they change where limits were recalculated).
        foreach (var segment in Segments(points))
        {
            var (a, b, p) = (segment.First, segment.Last, points[segment.First].Spc);
            if (p.Mean is null)
            {
                continue;
            }

            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(a))}\" x2=\"{F(X(b))}\" y1=\"{F(Y(p.Mean.Value))}\" y2=\"{F(Y(p.Mean.Value))}\" class=\"fw-spc-mean\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(a))}\" x2=\"{F(X(b))}\" y1=\"{F(Y(p.Upper!.Value))}\" y2=\"{F(Y(p.Upper!.Value))}\" class=\"fw-spc-limit\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(X(a))}\" x2=\"{F(X(b))}\" y1=\"{F(Y(p.Lower!.Value))}\" y2=\"{F(Y(p.Lower!.Value))}\" class=\"fw-spc-limit\"/>");
        }

        // The target, where the measure has one: a red dotted line, labelled at its right-hand end.
        if (series.Target is { } target)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(target))}\" y2=\"{F(Y(target))}\" class=\"fw-spc-target\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right}\" y=\"{F(Y(target) - 4)}\" text-anchor=\"end\" class=\"fw-spc-target-text\">Target {target:0.##}</text>");
        }

        // Events: a vertical line at the period they fall in, numbered as in the key under the chart (a
        // number is short, so labels never run into each other; events close together are stacked).
        var placed = new List<double>();
        for (var m = 0; m < markers.Count; m++)
        {
            var marker = markers[m];
            var i = points.ToList().FindIndex(p => p.Start > marker.On) - 1;
            i = i < 0 ? (points[^1].Start <= marker.On ? points.Count - 1 : -1) : i;
            if (i >= 0)
            {
                var x = X(i);
                var row = placed.Count(other => Math.Abs(other - x) < MarkerLabelWidth);
                placed.Add(x);
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" x2=\"{F(x)}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" class=\"fw-spc-marker\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + 3)}\" y=\"{Top + 10 + (row * MarkerLabelHeight)}\" class=\"fw-spc-marker-text\"><title>{encoder.Encode(marker.Text)}</title>{m + 1}</text>");
            }
        }

        var path = string.Join(' ', points.Select((p, i) => (p, i)).Where(x => x.p.Value is not null).Select((x, k) => $"{(k == 0 ? 'M' : 'L')}{F(X(x.i))},{F(Y(x.p.Value!.Value))}"));
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" class=\"fw-spc-line\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } v)
            {
                var kind = points[i].Spc.Variation switch
                {
                    Variation.Improvement => "improvement",
                    Variation.Concern => "concern",
                    _ => "common",
                };
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(v))}\" r=\"4\" class=\"fw-spc-{kind}\"/>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static IEnumerable<(int First, int Last)> Segments(IReadOnlyList<CultureView.Point> points)
    {
        var start = 0;
        for (var i = 1; i <= points.Count; i++)
        {
            if (i == points.Count || points[i].Spc.Mean != points[start].Spc.Mean)
            {
                yield return (start, i - 1);
                start = i;
            }
        }
    }
}
