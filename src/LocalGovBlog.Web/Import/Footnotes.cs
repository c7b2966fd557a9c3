using System.Text.RegularExpressions;

namespace LocalGovBlog.Web.Import;

/// <summary>A footnote marker in the text ("[1]", "[iv]", "(2)") and where it stands.</summary>
public readonly record struct FootnoteMarker(int Start, int End, string Label);

/// <summary>
/// Footnote markers and the notes they point to. A note is a paragraph that opens with a marker
/// ("[1] HM Treasury, …"); it counts as a note only when the text above has used that marker, so an
/// enumeration such as "(i) the loss of powers" stays a paragraph.
/// </summary>
public static partial class Footnotes
{
    /// <summary>The label a paragraph opens with: "1" for "[1] HM Treasury …", "ii" for "(ii) Interviews …".</summary>
    public static string? LabelAtStart(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 4 || text[0] is not ('[' or '('))
        {
            return null;
        }
        var match = Marker().Match(text, 0, Math.Min(text.Length, 8));
        return match.Success && match.Index == 0 && match.Length < text.Length && LineShape.IsSpace(text[match.Length])
            ? match.Groups["label"].Value.ToLowerInvariant()
            : null;
    }

    /// <summary>Every marker in the text, in order (labels lower-cased).</summary>
    public static IEnumerable<FootnoteMarker> MarkersIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.IndexOfAny(['[', '(']) < 0)
        {
            yield break;
        }
        foreach (Match match in Marker().Matches(text))
        {
            yield return new FootnoteMarker(match.Index, match.Index + match.Length, match.Groups["label"].Value.ToLowerInvariant());
        }
    }

    /// <summary>"[1]" … "[999]", "[i]" … "[xxx]" (any case), and the same in round brackets.</summary>
    [GeneratedRegex(@"\[(?<label>\d{1,3}|[ivxlIVXL]{1,6})\]|\((?<label>\d{1,2}|[ivxIVX]{1,5})\)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Marker();
}
