namespace LocalGovBlog.Web.Import;

/// <summary>A non-blank line of the dump and its 1-based line number.</summary>
internal readonly record struct SourceLine(int Number, string Text);

/// <summary>
/// Consecutive non-blank lines. The shapes the parser asks about repeatedly while looking ahead
/// (is this a title? a byline?) are worked out once per block.
/// </summary>
internal sealed class SourceBlock(IReadOnlyList<SourceLine> lines)
{
    private string? firstText;
    private bool? isTitleLike;
    private bool bylineRead;
    private Byline? byline;

    public IReadOnlyList<SourceLine> Lines => lines;

    public int FirstLine => lines[0].Number;

    public int LastLine => lines[^1].Number;

    public bool IsSingleLine => lines.Count == 1;

    /// <summary>The first line without surrounding spaces; for single-line blocks, the whole text.</summary>
    public string FirstText => firstText ??= LineShape.TrimSpaces(lines[0].Text);

    public bool IsContinueReading => IsSingleLine && LineShape.IsContinueReading(FirstText);

    public bool IsTitleLike => isTitleLike ??= IsSingleLine && LineShape.IsTitleLike(FirstText);

    /// <summary>The block read as a byline, or null when it is not one.</summary>
    public Byline? Byline
    {
        get
        {
            if (!bylineRead)
            {
                byline = IsSingleLine ? BylineReader.Read(FirstText) : null;
                bylineRead = true;
            }
            return byline;
        }
    }

    public bool IsBylineLike => Byline is not null;
}

internal static class SourceBlockReader
{
    /// <summary>
    /// Splits a dump into blocks at blank lines, lazily. A "Continue reading" line is always a block of
    /// its own, even when no blank line separates it from the text above, because it ends a post.
    /// </summary>
    public static IEnumerable<SourceBlock> Read(TextReader reader)
    {
        var lines = new List<SourceLine>();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (number == 1 && text.StartsWith('\uFEFF'))
            {
                text = text[1..];
            }
            if (LineShape.IsBlank(text))
            {
                if (lines.Count > 0)
                {
                    yield return new SourceBlock(lines);
                    lines = [];
                }
                continue;
            }
            if (LineShape.IsContinueReading(text))
            {
                if (lines.Count > 0)
                {
                    yield return new SourceBlock(lines);
                    lines = [];
                }
                yield return new SourceBlock([new SourceLine(number, text)]);
                continue;
            }
            lines.Add(new SourceLine(number, text));
        }
        if (lines.Count > 0)
        {
            yield return new SourceBlock(lines);
        }
    }
}

/// <summary>The blocks still to be read, with a few held back so the parser can look ahead.</summary>
internal sealed class BlockWindow(IEnumerator<SourceBlock> source)
{
    private readonly List<SourceBlock> ahead = [];

    /// <summary>The block <paramref name="offset"/> places ahead of the next one, or null past the end.</summary>
    public SourceBlock? Peek(int offset = 0)
    {
        while (ahead.Count <= offset && source.MoveNext())
        {
            ahead.Add(source.Current);
        }
        return offset < ahead.Count ? ahead[offset] : null;
    }

    public SourceBlock Take()
    {
        var block = Peek() ?? throw new InvalidOperationException("No block left to take.");
        ahead.RemoveAt(0);
        return block;
    }
}
