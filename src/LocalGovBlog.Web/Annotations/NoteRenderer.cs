using Ganss.Xss;
using Markdig;

namespace LocalGovBlog.Web.Annotations;

/// <summary>
/// Notes are Markdown written by any signed-in person. Markdig (raw HTML disabled) renders them;
/// Markdig is not a sanitizer, so HtmlSanitizer then keeps only a few inline and block tags and
/// links whose scheme is http, https or mailto.
/// </summary>
public static class NoteRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }
        return Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "nofollow noopener noreferrer ugc");
            }
        };
        return sanitizer;
    }
}
