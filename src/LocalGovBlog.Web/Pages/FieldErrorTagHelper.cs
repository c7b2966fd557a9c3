using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace LocalGovBlog.Web.Pages;

/// <summary>
/// Form fields in the GOV.UK pattern: a field whose value was refused says so to assistive
/// technology (<c>aria-invalid</c>) and points at its message (<c>aria-describedby</c>), and the
/// message itself has an id and begins with a hidden "Error:".
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldErrorTagHelper : TagHelper
{
    // After the framework's helpers have written the element's id and message.
    public override int Order => 1000;

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression? ValidationFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>The id of a field's error message, from the field's name: "Form.Name" → "Form_Name-error".</summary>
    public static string ErrorId(string name) => TagBuilder.CreateSanitizedId(name, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = (For ?? ValidationFor)?.Name;
        if (name is null || !ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }
        if (ValidationFor is not null)
        {
            output.Attributes.SetAttribute("id", ErrorId(name));
            output.PreContent.SetHtmlContent("<span class=\"visually-hidden\">Error: </span>");
            return;
        }
        output.Attributes.SetAttribute("aria-invalid", "true");
        var described = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} " : "";
        output.Attributes.SetAttribute("aria-describedby", described + ErrorId(name));
    }
}
