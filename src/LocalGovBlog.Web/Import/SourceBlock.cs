namespace LocalGovBlog.Web.Import;

/// <summary>A non-blank line of the dump and its 1-based line number.</summary>
internal readonly record struct SourceLine(int Number, string Text);

/// <summary>
/// Consecutive non-blank lines. The shapes the parser asks about repeatedly while looking ahead
/// (is this a title? a byline? a date?) are worked out once per block.
/// </summary>
internal sealed class SourceBlock(IReadOnlyList<SourceLine> lines, DumpShape shape)
{
    private string? firstText;
    private bool? isTitleLike;
    private bool? isContinueReading;
    private bool bylineRead;
    private Byline? byline;
    private bool sentenceRead;
    private Byline? sentenceByline;
    private bool dateRead;
    private DateLine? dateLine;
    private Byline? dateByline;

    public IReadOnlyList<SourceLine> Lines => lines;

    public int FirstLine => lines[0].Number;

    public int LastLine => lines[^1].Number;

    public bool IsSingleLine => lines.Count == 1;

    /// <summary>The first line without surrounding spaces; for single-line blocks, the whole text.</summary>
    public string FirstText => firstText ??= LineShape.TrimSpaces(lines[0].Text);

    /// <summary>The lines joined by single spaces, as a paragraph's text.</summary>
    public string JoinedText => IsSingleLine ? FirstText : string.Join(' ', lines.Select(line => LineShape.TrimSpaces(line.Text)));

    /// <summary>"Continue reading", "Read more »", or a line this dump repeats at the end of its excerpts.</summary>
    public bool IsContinueReading => isContinueReading ??= IsSingleLine && (LineShape.IsContinueReading(FirstText) || shape.IsLearnedMarker(FirstText));

    public bool IsTitleLike => isTitleLike ??= IsSingleLine && !IsContinueReading && LineShape.IsTitleLike(FirstText) && DateLine is null;

    /// <summary>The block read as a byline of names and role, or null when it is not one.</summary>
    public Byline? Byline
    {
        get
        {
            if (!bylineRead)
            {
                // "Friday, 6 March 2020" has the shape of a name and a role, but it says when, not who.
                byline = IsSingleLine && !IsDateOnly ? BylineReader.Read(FirstText) : null;
                bylineRead = true;
            }
            return byline;
        }
    }

    public bool IsBylineLike => Byline is not null;

    /// <summary>The block read as a byline written as a sentence ("Jo Bloggs reflects on …").</summary>
    public Byline? SentenceByline
    {
        get
        {
            if (!sentenceRead)
            {
                sentenceByline = IsSingleLine && Byline is null ? BylineReader.ReadSentence(FirstText) : null;
                sentenceRead = true;
            }
            return sentenceByline;
        }
    }

    /// <summary>A line that is a date, perhaps with its author ("Posted on 03/04/2019 by Jo Bloggs.").</summary>
    public DateLine? DateLine
    {
        get
        {
            ReadDate();
            return dateLine;
        }
    }

    /// <summary>The authors a date line names, read as a byline; null when it names none or none readable.</summary>
    public Byline? DateByline
    {
        get
        {
            ReadDate();
            return dateByline;
        }
    }

    /// <summary>A date line that names nobody: it says when, not who.</summary>
    public bool IsDateOnly => DateLine is { Names: null };

    public DateOnly? Date => DateLine?.Date.Resolve(shape.DateOrder);

    /// <summary>Whatever kind of byline the block is, in order of trust: names and role, a date with names, a sentence.</summary>
    public Byline? AnyByline => Byline ?? DateByline ?? SentenceByline;

    public bool IsExplicitCaption => IsSingleLine && CaptionLine.IsExplicit(FirstText);

    /// <summary>The listing's furniture, repeated between posts ("Share this:", "Leave a comment").</summary>
    public bool IsFurniture => shape.IsFurniture(this);

    public IReadOnlyList<string>? LabelledKeywords => IsSingleLine ? KeywordLine.ReadLabelled(FirstText) : null;

    private void ReadDate()
    {
        if (dateRead)
        {
            return;
        }
        dateRead = true;
        dateLine = IsSingleLine ? DateLine.TryRead(FirstText) : null;
        if (dateLine?.Names is { } names)
        {
            // "by Jo Bloggs." reads as a byline; "by admin" does not, and the line is then only a date.
            dateByline = BylineReader.Read(names);
        }
    }
}

internal static class SourceBlockReader
{
    /// <summary>
    /// Splits a dump into blocks at blank lines, lazily. A "Continue reading" line is always a block of
    /// its own, even when no blank line separates it from the text above, because it ends a post. So is a
    /// post's opening when a dump runs it together ("Title" / "27 November 2026" / "Jo Bloggs" with no blank
    /// lines between): see <see cref="SplitOpening"/>.
    /// </summary>
    public static IEnumerable<SourceBlock> Read(TextReader reader, DumpShape shape)
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
                foreach (var block in SplitOpening(lines, shape))
                {
                    yield return block;
                }
                lines = [];
                continue;
            }
            if (LineShape.IsContinueReading(text) || shape.IsLearnedMarker(text))
            {
                foreach (var block in SplitOpening(lines, shape))
                {
                    yield return block;
                }
                lines = [];
                yield return new SourceBlock([new SourceLine(number, text)], shape);
                continue;
            }
            lines.Add(new SourceLine(number, text));
        }
        foreach (var block in SplitOpening(lines, shape))
        {
            yield return block;
        }
    }

    /// <summary>
    /// One block, or, when its first line is a title and the lines after it are a byline, a date or a caption,
    /// the title, each of those lines and the rest as blocks of their own. A paragraph wrapped over several lines
    /// is never split: its second line is none of those.
    /// </summary>
    private static IEnumerable<SourceBlock> SplitOpening(List<SourceLine> lines, DumpShape shape)
    {
        if (lines.Count == 0)
        {
            yield break;
        }
        var cut = 1;
        if (lines.Count > 1 && LineShape.IsTitleLike(LineShape.TrimSpaces(lines[0].Text)))
        {
            while (cut < lines.Count && cut <= 4 && IsOpeningLine(LineShape.TrimSpaces(lines[cut].Text)))
            {
                cut++;
            }
        }
        if (cut == 1)
        {
            yield return new SourceBlock(lines, shape);
            yield break;
        }
        for (var i = 0; i < cut; i++)
        {
            yield return new SourceBlock([lines[i]], shape);
        }
        if (cut < lines.Count)
        {
            yield return new SourceBlock(lines[cut..], shape);
        }
    }

    /// <summary>A line that says what it is, as the lines under a title do: a byline, a date, a caption.</summary>
    private static bool IsOpeningLine(string trimmed) =>
        BylineReader.Read(trimmed) is not null || DateLine.TryRead(trimmed) is not null || CaptionLine.IsExplicit(trimmed);
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
