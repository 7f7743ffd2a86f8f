using FailingWell.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FailingWell.Tests.Infrastructure.Web;

/// <summary>The NHS.UK error pattern on a bound control, keyed by its asp-for.</summary>
public sealed class NhsControlTagHelperTests
{
    private const string Field = "Input.Name";

    private static (string? Class, string? DescribedBy) Render(
        string tag, string classes, bool error, bool hint, string? failure = null, string? type = null, string? describedBy = null)
    {
        var metadata = new EmptyModelMetadataProvider();
        var modelState = new ModelStateDictionary();
        if (failure is not null)
        {
            modelState.AddModelError(Field, failure);
        }

        var helper = new NhsControlTagHelper
        {
            For = new ModelExpression(Field, metadata.GetModelExplorerForType(typeof(string), "typed")),
            Error = error,
            Hint = hint,
            ViewContext = new Microsoft.AspNetCore.Mvc.Rendering.ViewContext { ViewData = new ViewDataDictionary(metadata, modelState) },
        };
        var attributes = new TagHelperAttributeList { { "class", classes } };
        if (type is not null)
        {
            attributes.Add("type", type);
        }

        if (describedBy is not null)
        {
            attributes.Add("aria-describedby", describedBy);
        }

        var context = new TagHelperContext(tag, new TagHelperAttributeList(attributes), new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput(tag, attributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(context, output);
        return (Text(output.Attributes["class"]), Text(output.Attributes["aria-describedby"]));
    }

    private static string? Text(TagHelperAttribute? attribute)
    {
        if (attribute?.Value is null)
        {
            return null;
        }

        using var writer = new StringWriter();
        if (attribute.Value is Microsoft.AspNetCore.Html.IHtmlContent html)
        {
            html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
            return writer.ToString();
        }

        return attribute.Value.ToString();
    }

    [Theory]
    [InlineData("input", "nhsuk-input")]
    [InlineData("select", "nhsuk-select")]
    [InlineData("textarea", "nhsuk-textarea")]
    public void A_field_in_error_gets_the_nhs_error_class_and_names_its_hint_and_message_instead_of_mvcs_class(string tag, string block)
    {
        var (classes, describedBy) = Render(tag, $"{block} nhsuk-u-width-full input-validation-error", error: true, hint: true, failure: "Enter a name");

        Assert.Equal($"{block} nhsuk-u-width-full {block}--error", classes);
        Assert.Equal("Input_Name-hint Input_Name-error", describedBy);
    }

    [Fact]
    public void A_field_without_an_error_names_its_hint_only_and_keeps_its_classes()
    {
        var (classes, describedBy) = Render("input", "nhsuk-input nhsuk-input--width-10", error: true, hint: true);

        Assert.Equal("nhsuk-input nhsuk-input--width-10", classes);
        Assert.Equal("Input_Name-hint", describedBy);
    }

    [Fact]
    public void A_field_not_asked_to_show_its_error_only_loses_mvcs_class()
    {
        var (classes, describedBy) = Render("input", "nhsuk-input input-validation-error", error: false, hint: false, failure: "Enter a name");

        Assert.Equal("nhsuk-input", classes);
        Assert.Null(describedBy);
    }

    [Theory]
    [InlineData("radio")]
    [InlineData("checkbox")]
    public void A_radio_or_checkbox_in_error_names_the_message_and_leaves_the_error_class_to_its_group(string type)
    {
        var (classes, describedBy) = Render("input", "nhsuk-radios__input", error: true, hint: false, failure: "Choose one", type: type);

        Assert.Equal("nhsuk-radios__input", classes);
        Assert.Equal("Input_Name-error", describedBy);
    }

    [Fact]
    public void An_aria_describedby_written_in_the_view_is_kept()
    {
        var (_, describedBy) = Render("textarea", "nhsuk-textarea", error: true, hint: true, failure: "Enter a name", describedBy: "Input_Name-warning");

        Assert.Equal("Input_Name-warning", describedBy);
    }
}
