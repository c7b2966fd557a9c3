using System.Net;
using System.Text;

namespace LocalGovBlog.Web.Search;

/// <summary>
/// Turns a snippet with match markers into HTML: the text is encoded piece by piece and only
/// the markers become &lt;mark&gt; elements, so nothing in an article can inject markup.
/// </summary>
public static class SnippetHtml
{
    /// <summary>Control characters no dump holds as text: the engine puts them around each match.</summary>
    public const char Open = '\u0002';

    public const char Close = '\u0003';

    public static string? Render(string? marked)
    {
        if (string.IsNullOrEmpty(marked))
        {
            return null;
        }
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] != Open && marked[i] != Close)
            {
                continue;
            }
            html.Append(WebUtility.HtmlEncode(marked[start..i]));
            if (i < marked.Length)
            {
                var opens = marked[i] == Open;
                if (opens != open)
                {
                    html.Append(opens ? "<mark>" : "</mark>");
                    open = opens;
                }
            }
            start = i + 1;
        }
        if (open)
        {
            html.Append("</mark>");
        }
        return html.ToString();
    }
}
