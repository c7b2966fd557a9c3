using Ganss.Xss;
using Markdig;
using Microsoft.Extensions.Caching.Memory;

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
        // Parsing and sanitising cost far more than the page around them (a theme page shows 25 notes, an article page
        // up to hundreds), and a note's HTML depends on its text alone: each text is rendered once and kept, within a
        // bound on the characters kept.
        if (Rendered.TryGetValue(markdown, out string? kept) && kept is not null)
        {
            return kept;
        }
        var html = Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        Rendered.Set(markdown, html, new MemoryCacheEntryOptions { Size = markdown.Length + html.Length });
        return html;
    }

    private static readonly MemoryCache Rendered = new(new MemoryCacheOptions { SizeLimit = 16 * 1024 * 1024 });

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
