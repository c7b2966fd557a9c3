namespace LocalGovBlog.Web.Import;

/// <summary>
/// Decides, by looking a few blocks ahead, where posts begin and end: a title followed by a byline
/// starts one; a sign-off repeating the authors, followed by a bio, the end of the file or a new post,
/// ends one.
/// </summary>
internal sealed class PostBoundaries(BlockWindow window)
{
    // Third-person openings that carry a bio on into a further paragraph.
    private static readonly string[] BioContinuations = ["He ", "She ", "They ", "His ", "Her ", "Their ", "Both "];

    /// <summary>
    /// True when a post starts <paramref name="offset"/> blocks ahead: a title-like block, then a byline.
    /// </summary>
    /// <param name="afterBody">
    /// The blocks follow a post's body. A short last line there ("So what next?") may sit just above the
    /// next post's title; when the would-be byline is itself a title followed by a byline, the post starts
    /// one block later. Elsewhere a title is expected, so the first pair wins.
    /// </param>
    public bool PostStartsAt(int offset, bool afterBody)
    {
        if (window.Peek(offset) is not { IsTitleLike: true } || window.Peek(offset + 1) is not { IsBylineLike: true } byline)
        {
            return false;
        }
        return !afterBody || !(byline.IsTitleLike && window.Peek(offset + 2) is { IsBylineLike: true });
    }

    /// <summary>
    /// The next block repeats the post's authors and is followed by a bio, the end of the dump or a
    /// new post. Followed by anything else it is a one-line paragraph that happens to be a name.
    /// </summary>
    public bool SignOffIsNext(Byline postByline, AuthorMentions mentions)
    {
        if (window.Peek() is not { IsSingleLine: true } block || !RepeatsAuthors(block, postByline))
        {
            return false;
        }
        return window.Peek(1) is not { } next || IsFirstBio(next, mentions) || PostStartsAt(1, afterBody: false);
    }

    /// <summary>A bio opens with an author's name ("Anthony Mason is a senior associate …").</summary>
    public static bool IsFirstBio(SourceBlock block, AuthorMentions mentions) =>
        IsSingleProseLine(block) && !block.IsBylineLike && mentions.OpensWithAuthor(block.FirstText);

    /// <summary>A further bio paragraph names an author or carries on about them ("She has …").</summary>
    public static bool IsFurtherBio(SourceBlock block, AuthorMentions mentions)
    {
        if (!IsSingleProseLine(block) || !LineShape.EndsLikeSentence(block.FirstText))
        {
            return false;
        }
        var text = block.FirstText;
        return BioContinuations.Any(opening => text.StartsWith(opening, StringComparison.Ordinal))
            || mentions.FindFirst(text) is not null;
    }

    /// <summary>
    /// The standfirst is one sentence straight after the byline that speaks of the author in the
    /// third person ("…, Jane Doe reflects on what it means for districts.").
    /// </summary>
    public static bool IsStandfirst(SourceBlock block, AuthorMentions mentions)
    {
        const int maxStandfirstLength = 400;
        var text = block.FirstText;
        return IsSingleProseLine(block)
            && text.Length <= maxStandfirstLength
            && !LineShape.OpensWithQuote(text)
            && LineShape.EndsLikeSentence(text)
            && LineShape.IsSingleSentence(text)
            && mentions.FindFirst(text) is not null;
    }

    private static bool IsSingleProseLine(SourceBlock block) =>
        block.IsSingleLine && !block.IsContinueReading && !LineShape.IsListLine(block.FirstText);

    private static bool RepeatsAuthors(SourceBlock block, Byline postByline)
    {
        // A sign-off may be set off with a dash ("– Anthony Mason") or shouted ("ANTHONY MASON"),
        // which no byline would be: fall back to comparing the names alone.
        var text = LineShape.TrimSpaces(block.FirstText.TrimStart('-', '–', '—'));
        var signed = text.Length == block.FirstText.Length ? block.Byline : BylineReader.Read(text);
        return signed is not null
            ? signed.NamesSamePeopleAs(postByline)
            : BylineReader.ReadNamesOnly(text) is { } names && postByline.NamesSamePeopleAs(names);
    }
}
