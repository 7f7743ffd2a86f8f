using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FailingWell.Web.Infrastructure.Web;

/// <summary>
/// The NHS.UK error pattern on a control bound with asp-for, keyed by the same expression: with
/// nhs-error, its "--error" class when the field has an error and the error message's id in its
/// aria-describedby; with nhs-hint, the hint's id there too. On every bound control it takes out
/// MVC's own "input-validation-error" class, which nothing styles.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute, TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
public sealed class NhsControlTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";

    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Default;

    // After MVC's own tag helpers (-1000), which write the class this one takes out.
    public override int Order => 0;

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    /// <summary>The control shows its field's error: the NHS.UK error class, and the message named in aria-describedby.</summary>
    [HtmlAttributeName("nhs-error")]
    public bool Error { get; set; }

    /// <summary>The field has a hint (id "{field}-hint"), named in aria-describedby.</summary>
    [HtmlAttributeName("nhs-hint")]
    public bool Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        output.RemoveClass(HtmlHelper.ValidationInputCssClassName, Encoder);
        if (!Error && !Hint)
        {
            return;
        }

        var key = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var hasError = Error && NhsForm.ErrorText(ViewContext.ViewData.ModelState, key) is not null;
        if (hasError && Block(context.TagName, output) is { } block)
        {
            output.AddClass(block + "--error", Encoder);
        }

        if (!output.Attributes.ContainsName("aria-describedby")
            && NhsForm.DescribedBy(key, Hint, hasError) is { } describedBy)
        {
            output.Attributes.SetAttribute("aria-describedby", describedBy);
        }
    }

    // Radios and checkboxes show an error on their group, not on each box.
    private static string? Block(string tagName, TagHelperOutput output) => tagName switch
    {
        "select" => "nhsuk-select",
        "textarea" => "nhsuk-textarea",
        _ when output.Attributes["type"]?.Value?.ToString() is "radio" or "checkbox" => null,
        _ => "nhsuk-input",
    };
}
