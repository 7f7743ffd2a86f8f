using System.Text.RegularExpressions;
using FailingWell.Web.Domain.Network;
using FailingWell.Web.Features.Network.Member;

namespace FailingWell.Tests.Network.Member;

public sealed partial class FunnelChartTests
{
    [Fact]
    public void The_chart_draws_four_limit_curves_the_pooled_line_a_dot_per_organisation_and_labels_this_one()
    {
        var funnel = FunnelPlot.Build([new("A", 100, 10_000), new("B", 300, 20_000, IsYou: true), new("C <script>", 200, 20_000)]);

        var svg = FunnelChart.Svg(funnel, "funnel", "B sits above both limits");

        Assert.Equal(2, svg.Split("class=\"fw-funnel-95\"").Length - 1);
        Assert.Equal(2, svg.Split("class=\"fw-funnel-998\"").Length - 1);
        Assert.Equal(1, svg.Split("class=\"fw-spc-mean\"").Length - 1);
        Assert.Equal(2, svg.Split("class=\"fw-funnel-peer\"").Length - 1);
        Assert.Contains("class=\"fw-funnel-you\"><title>B</title>", svg, StringComparison.Ordinal);
        Assert.Contains(">You</text>", svg, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"funnel-desc\">B sits above both limits</desc>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.All(Coordinates().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)),
            y => Assert.InRange(y, 0, 340)); // every curve inside the drawing
    }

    [Fact]
    public void An_empty_plot_says_so()
    {
        Assert.Contains("No organisations to show", FunnelChart.Svg(FunnelPlot.Build([]), "funnel", "none"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[ML][\d.]+,(-?[\d.]+)")]
    private static partial Regex Coordinates();
}
