using System.Text;

namespace LocalGovBlog.Web.Import;

/// <summary>
/// An article's canonical text: its body blocks joined by a blank line. Passage offsets
/// (UTF-16 code units, end exclusive) index this string, so the joining rule never changes.
/// </summary>
public static class CanonicalText
{
    public const string BlockSeparator = "\n\n";

    public readonly record struct BlockSpan(int Start, int End);

    public static (string Text, IReadOnlyList<BlockSpan> Spans) Compose(IReadOnlyList<ParsedBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var text = new StringBuilder();
        var spans = new List<BlockSpan>(blocks.Count);
        foreach (var block in blocks)
        {
            if (text.Length > 0)
            {
                text.Append(BlockSeparator);
            }
            var start = text.Length;
            text.Append(block.Text);
            spans.Add(new BlockSpan(start, text.Length));
        }
        return (text.ToString(), spans);
    }

    /// <summary>Approximate count of words, for reading time.</summary>
    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isWordChar = !char.IsWhiteSpace(c);
            if (isWordChar && !inWord)
            {
                words++;
            }
            inWord = isWordChar;
        }
        return words;
    }
}
