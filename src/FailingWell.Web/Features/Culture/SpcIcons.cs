using System.Globalization;
using System.Text.Encodings.Web;

namespace FailingWell.Web.Features.Culture;

/// <summary>
/// Making Data Count's two summary icons as small inline SVG, each with its meaning as its accessible
/// name: variation (common cause; special cause improvement, concern or neither, high or low) and
/// assurance against a target (always met, never met, hit and miss). Colours keep the letters at
/// 4.5:1 or more.
/// </summary>
public static class SpcIcons
{
    public static string Variation(CultureView.Series series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var latest = series.Points.LastOrDefault(p => p.Value is not null)?.Spc;
        var high = latest?.High ?? false;
        var side = high ? "high" : "low";
        return series.Variation switch
        {
            Culture.Variation.Improvement => Icon("improvement", high ? "H" : "L", $"Special cause improvement ({side})"),
            Culture.Variation.Concern => Icon("concern", high ? "H" : "L", $"Special cause concern ({side})"),
            Culture.Variation.Neutral => Icon("neutral", high ? "H" : "L", $"Special cause, neither improvement nor concern ({side})"),
            Culture.Variation.CommonCause => Wave("Common cause variation"),
            _ => Icon("none", "–", "Not enough data for limits yet"),
        };
    }

    /// <summary>Empty where the measure has no target, or no limits to judge it against yet.</summary>
    public static string Assurance(CultureView.Series series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var target = series.Target?.ToString("0.##", CultureInfo.InvariantCulture);
        return series.Assurance switch
        {
            Culture.Assurance.ConsistentlyPasses => Icon("pass", "P", $"Consistently meets the target of {target}"),
            Culture.Assurance.ConsistentlyFails => Icon("fail", "F", $"Consistently misses the target of {target}"),
            Culture.Assurance.HitAndMiss => Icon("hitmiss", "?", $"Hit and miss against the target of {target}"),
            _ => "",
        };
    }

    private static string Icon(string kind, string letter, string meaning)
    {
        var name = HtmlEncoder.Default.Encode(meaning);
        return $"<svg class=\"fw-icon fw-icon--{kind}\" viewBox=\"0 0 32 32\" width=\"32\" height=\"32\" role=\"img\" aria-label=\"{name}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{name}</title>"
            + $"<circle cx=\"16\" cy=\"16\" r=\"15\" class=\"fw-icon-disc\"/><text x=\"16\" y=\"21.5\" text-anchor=\"middle\" class=\"fw-icon-letter\">{HtmlEncoder.Default.Encode(letter)}</text></svg>";
    }

    private static string Wave(string meaning)
    {
        var name = HtmlEncoder.Default.Encode(meaning);
        return $"<svg class=\"fw-icon fw-icon--common\" viewBox=\"0 0 32 32\" width=\"32\" height=\"32\" role=\"img\" aria-label=\"{name}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{name}</title>"
            + "<circle cx=\"16\" cy=\"16\" r=\"15\" class=\"fw-icon-disc\"/><path d=\"M6 17 Q9 11 12 16 T18 16 T26 15\" class=\"fw-icon-wave\"/></svg>";
    }
}
