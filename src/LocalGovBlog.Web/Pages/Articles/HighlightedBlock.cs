using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using LocalGovBlog.Web.Annotations;
using LocalGovBlog.Web.Import;
using Microsoft.AspNetCore.Html;

namespace LocalGovBlog.Web.Pages.Articles;

/// <summary>
/// A block's text with its tagged passages wrapped in &lt;mark&gt;s. Built as one string so that
/// the element's text stays exactly the canonical text (no template whitespace), which is what lets
/// the page script turn a selection back into offsets.
/// </summary>
public static class HighlightedBlock
{
    /// <summary>Every block of an article, in order, with one set of footnote links, exactly as the page renders them:
    /// the first use of a note marker keeps its back-link id, and each passage's first piece is its link target once.</summary>
    public static IHtmlContent[] RenderAll(string text, IReadOnlyList<BlockView> blocks, IReadOnlyList<HighlightRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(blocks);
        var footnotes = new FootnoteLinks(text, blocks);
        var anchored = new HashSet<int>();
        return [.. blocks.Select(block => Render(text, block.Start, block.End, ranges, anchored, footnotes, block.Kind == BlockKind.Footnote))];
    }

    /// <param name="footnotes">Markers of notes the article holds become links (see <see cref="FootnoteLinks"/>);
    /// in a footnote block, its leading marker links back to the text.</param>
    public static IHtmlContent Render(string text, int start, int end, IReadOnlyList<HighlightRange> ranges, ISet<int> anchored,
        FootnoteLinks? footnotes = null, bool isNote = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(anchored);
        var html = new StringBuilder();
        foreach (var segment in PassageHighlighter.Segments(start, end, ranges))
        {
            var words = Words(text, segment.Start, segment.End, start, footnotes ?? FootnoteLinks.None, isNote);
            if (segment.Covering.Count == 0)
            {
                html.Append(words);
                continue;
            }
            // Colour by the innermost (shortest) passage's first theme; its other themes, then the
            // other passages' themes, show as up to two stripes beneath.
            var covering = segment.Covering.OrderBy(r => r.End - r.Start).ThenBy(r => r.Id).ToList();
            var themes = covering.SelectMany(r => r.Themes).Distinct(StringComparer.Ordinal).Take(3).ToList();
            var ids = string.Join(' ', covering.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)));
            html.Append("<mark class=\"hl hl--t-").Append(themes[0]);
            if (themes.Count > 1)
            {
                html.Append(" hl--s2-").Append(themes[1]);
            }
            if (themes.Count > 2)
            {
                html.Append(" hl--s3-").Append(themes[2]);
            }
            html.Append(themes.Count > 1 ? " hl--multi" : "").Append(covering.Count > 1 ? " hl--overlap" : "")
                .Append("\" data-annotations=\"").Append(ids).Append("\" title=\"")
                .Append(HtmlEncoder.Default.Encode(Title(covering))).Append('"');
            foreach (var first in covering.Where(r => r.Start == segment.Start && anchored.Add(r.Id)))
            {
                // The passage's first piece is a tab stop that names its themes (the card's theme line).
                var id = first.Id.ToString(CultureInfo.InvariantCulture);
                html.Append(" id=\"passage-").Append(id).Append("\" tabindex=\"0\" aria-describedby=\"tag-").Append(id).Append("-themes\"");
                break;
            }
            html.Append('>').Append(words).Append("</mark>");
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>What a pointer over the words says: one tag's themes, or for words under several tags how many cover
    /// them and each of their themes once (a passage under fifty readers' tags would otherwise repeat "Austerity" fifty
    /// times, and a heavily coded article's tooltips were a third of its page).</summary>
    private static string Title(List<HighlightRange> covering) => covering.Count == 1
        ? "Tagged: " + covering[0].Label
        : $"Tagged {covering.Count} times: {string.Join(", ", covering.SelectMany(r => r.Names).Distinct(StringComparer.Ordinal))}";

    /// <summary>The encoded text of a segment, with footnote markers that lie wholly inside it made links.</summary>
    private static string Words(string text, int from, int to, int blockStart, FootnoteLinks footnotes, bool isNote)
    {
        var slice = text[from..to];
        var html = new StringBuilder();
        var done = 0;
        foreach (var marker in Footnotes.MarkersIn(slice))
        {
            if (!footnotes.HasNote(marker.Label))
            {
                continue;
            }
            var leadsTheNote = isNote && from + marker.Start == blockStart && footnotes.WasReferenced(marker.Label);
            html.Append(HtmlEncoder.Default.Encode(slice[done..marker.Start]));
            var label = HtmlEncoder.Default.Encode(marker.Label);
            if (leadsTheNote)
            {
                html.Append("<a class=\"fn-back\" href=\"#").Append(FootnoteLinks.ReferenceId(label)).Append("\" aria-label=\"Back to the text of note ").Append(label).Append("\">");
            }
            else if (isNote)
            {
                continue; // a note's mention of another note stays text
            }
            else
            {
                html.Append("<a class=\"fn-ref\" href=\"#").Append(FootnoteLinks.NoteId(label)).Append('"');
                if (footnotes.ClaimReferenceId(marker.Label) is { } id)
                {
                    html.Append(" id=\"").Append(HtmlEncoder.Default.Encode(id)).Append('"');
                }
                html.Append(" aria-label=\"Note ").Append(label).Append("\">");
            }
            html.Append(HtmlEncoder.Default.Encode(slice[marker.Start..marker.End])).Append("</a>");
            done = marker.End;
        }
        return done == 0 ? HtmlEncoder.Default.Encode(slice) : html.Append(HtmlEncoder.Default.Encode(slice[done..])).ToString();
    }
}
