using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace FailingWell.Web.Infrastructure.Web;

/// <summary>The NHS.UK error pattern for one field: a group class, a message, and the ids that link them.</summary>
public static class NhsForm
{
    public static string IdFor(string key) => key.Replace('.', '_');

    public static string? ErrorText(this IHtmlHelper html, string key)
    {
        ArgumentNullException.ThrowIfNull(html);
        return ErrorText(html.ViewData.ModelState, key);
    }

    public static string? ErrorText(ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;
    }

    public static string GroupClass(this IHtmlHelper html, string key) =>
        html.ErrorText(key) is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error";

    public static string? ErrorClass(this IHtmlHelper html, string key, string block) =>
        html.ErrorText(key) is null ? null : $"{block}--error";

    /// <summary>The ids an input's aria-describedby should name: its hint and its error, when present.</summary>
    public static string? DescribedBy(this IHtmlHelper html, string key, bool hasHint = false) =>
        DescribedBy(key, hasHint, html.ErrorText(key) is not null);

    public static string? DescribedBy(string key, bool hasHint, bool hasError) => (hasHint, hasError) switch
    {
        (true, true) => $"{IdFor(key)}-hint {IdFor(key)}-error",
        (true, false) => IdFor(key) + "-hint",
        (false, true) => IdFor(key) + "-error",
        _ => null,
    };

    public static IHtmlContent ErrorFor(this IHtmlHelper html, string key)
    {
        var text = html.ErrorText(key);
        if (text is null)
        {
            return HtmlString.Empty;
        }

        var encoder = HtmlEncoder.Default;
        return new HtmlString(
            $"<span class=\"nhsuk-error-message\" id=\"{IdFor(key)}-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> {encoder.Encode(text)}</span>");
    }
}
