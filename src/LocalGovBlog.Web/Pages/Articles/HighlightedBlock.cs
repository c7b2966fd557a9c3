using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using LocalGovBlog.Web.Annotations;
using Microsoft.AspNetCore.Html;

namespace LocalGovBlog.Web.Pages.Articles;

/// <summary>
/// A block's text with its tagged passages wrapped in &lt;mark&gt;s. Built as one string so that
/// the element's text stays exactly the canonical text (no template whitespace), which is what lets
/// the page script turn a selection back into offsets.
/// </summary>
public static class HighlightedBlock
{
    public static IHtmlContent Render(string text, int start, int end, IReadOnlyList<HighlightRange> ranges, ISet<int> anchored)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(anchored);
        var html = new StringBuilder();
        foreach (var segment in PassageHighlighter.Segments(start, end, ranges))
        {
            var words = HtmlEncoder.Default.Encode(text[segment.Start..segment.End]);
            if (segment.Covering.Count == 0)
            {
                html.Append(words);
                continue;
            }
            // Colour by the innermost (shortest) passage; more than one tag shows as an underline.
            var top = segment.Covering.OrderBy(r => r.End - r.Start).First();
            var ids = string.Join(' ', segment.Covering.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)));
            html.Append("<mark class=\"hl hl--t-").Append(top.ThemeSlug).Append(segment.Covering.Count > 1 ? " hl--overlap" : "")
                .Append("\" data-annotations=\"").Append(ids).Append('"');
            foreach (var first in segment.Covering.Where(r => r.Start == segment.Start && anchored.Add(r.Id)))
            {
                html.Append(" id=\"passage-").Append(first.Id.ToString(CultureInfo.InvariantCulture)).Append('"');
                break;
            }
            html.Append('>').Append(words).Append("</mark>");
        }
        return new HtmlString(html.ToString());
    }
}
