namespace LocalGovBlog.Web.Import;

/// <summary>What came just before the blocks being asked about, which decides how much a title needs behind it.</summary>
internal enum OpeningContext
{
    /// <summary>The start of the dump.</summary>
    Start,

    /// <summary>Text that belonged to no post: a title here needs a byline.</summary>
    AfterStray,

    /// <summary>A post has just ended for sure: "Continue reading", a sign-off with its bios.</summary>
    AfterEnd,

    /// <summary>Inside a post's body, where a short line may as well be the body's own.</summary>
    AfterBody,
}

/// <summary>
/// The blocks that open a post, as offsets from where the opening starts: a title, the byline (or none, for a
/// post by the blog itself), and the dates, captions and keyword lines between or just before them.
/// </summary>
/// <param name="UsesAltText">A line between the title and byline was taken for a picture's alt text only
/// because of where it stands; the title above it may be something else's last line.</param>
internal sealed record PostOpening(int Title, int? Byline, IReadOnlyList<int> Extras, int Length, bool UsesAltText = false);

/// <summary>
/// Finds where a post opens, looking a few blocks ahead:
/// <code>
///   [date | caption]*  title  [date | caption | keywords | alt text]*  byline
///   [date | caption]*  title  [date | caption | keywords]*             opening paragraph   (no byline)
/// </code>
/// A byline is a line of names (and role), a date line with names ("Posted on 03/04/2019 by Jo Bloggs."), or
/// a sentence that opens with the names ("Jo Bloggs reflects on …"). A post with no byline is accepted only
/// where nothing else can be going on: at the start, after a post that ended for sure, or with a date line
/// that says a post starts here.
/// </summary>
internal sealed class PostOpenings(BlockWindow window, DumpShape shape)
{
    private const int MaxExtrasBeforeTitle = 2;
    private const int MaxExtrasAfterTitle = 3;
    private const int MinOpeningParagraphLength = 60;

    public PostOpening? Find(int offset, OpeningContext context)
    {
        var extras = new List<int>();
        var at = offset;
        while (extras.Count < MaxExtrasBeforeTitle && window.Peek(at) is { } before && IsBeforeTitle(before, context))
        {
            extras.Add(at - offset);
            at++;
        }
        if (window.Peek(at) is not { IsTitleLike: true } title || title.IsExplicitCaption)
        {
            return null;
        }
        var titleAt = at++;
        var firmExtras = extras.Count;
        var altText = -1;
        while (at - titleAt <= MaxExtrasAfterTitle && window.Peek(at) is { } between && between.AnyByline is null && !IsUnreadableDateByline(between))
        {
            if (IsFirmExtra(between))
            {
                extras.Add(at - offset);
                at++;
                firmExtras = extras.Count;
                continue;
            }
            // Alt text on a line of its own ("A fibre cabinet beside a country lane"): only after a post has
            // ended for sure (not after a body, nor at the top of a dump, where a preamble stands), only under a
            // line the dump does not repeat ("Related"), and only if a byline follows.
            if (altText < 0 && context == OpeningContext.AfterEnd && !shape.IsRecurring(title.FirstText) && between.IsSingleLine && !between.IsContinueReading
                && !LineShape.IsListLine(between.FirstText) && between.FirstText.Length <= LineShape.MaxTitleLength)
            {
                altText = at;
                extras.Add(at - offset);
                at++;
                continue;
            }
            break;
        }
        if (window.Peek(at) is { } byline && (byline.AnyByline is not null || IsUnreadableDateByline(byline))
            && !IsTitleOfTheNextPost(byline, at, context))
        {
            return new PostOpening(titleAt - offset, at - offset, extras, at - offset + 1, altText >= 0);
        }
        // No byline: a post by the blog itself ("Join our team", "Call for papers").
        if (altText >= 0)
        {
            at = altText;
            extras.RemoveRange(firmExtras, extras.Count - firmExtras);
        }
        var dated = extras.Any(extra => window.Peek(offset + extra)!.IsDateOnly);
        if ((context is (OpeningContext.AfterBody or OpeningContext.AfterStray) && !dated) || title.AnyByline is not null)
        {
            return null;
        }
        return window.Peek(at) is { } opening && IsOpeningParagraph(opening)
            ? new PostOpening(titleAt - offset, null, extras, at - offset)
            : null;
    }

    /// <summary>"Posted on 21/06/2019 by admin.": the byline's place, with no person's name in it.</summary>
    public static bool IsUnreadableDateByline(SourceBlock block) => block.DateLine is { Names: not null } && block.DateByline is null;

    /// <summary>
    /// The would-be byline is really the next post's title: a sentence ("Catherine Staite reflects on …")
    /// with a byline of names under it, or, inside a body, any title-like line with a byline under it
    /// ("So what next?" ends the body; the real title follows).
    /// </summary>
    private bool IsTitleOfTheNextPost(SourceBlock byline, int at, OpeningContext context)
    {
        var isSentence = byline.Byline is null && byline.DateLine is null;
        if (!isSentence && !(context == OpeningContext.AfterBody && byline.IsTitleLike))
        {
            return false;
        }
        if (isSentence && context == OpeningContext.AfterBody && LineShape.EndsLikeSentence(byline.FirstText))
        {
            return true; // a sentence of the body, not a byline
        }
        var next = at + 1;
        while (window.Peek(next) is { } extra && IsFirmExtra(extra) && next - at <= MaxExtrasAfterTitle)
        {
            next++;
        }
        return window.Peek(next) is { } after && (after.Byline is not null || after.DateByline is not null);
    }

    private bool IsBeforeTitle(SourceBlock block, OpeningContext context) =>
        block.IsExplicitCaption
        || (block.IsDateOnly && (context is OpeningContext.Start or OpeningContext.AfterEnd || shape.DatePlacement == DatePlacement.BeforeTitle));

    /// <summary>Lines that say what they are, so they may stand between a title and its byline.</summary>
    private static bool IsFirmExtra(SourceBlock block) =>
        block.IsDateOnly || block.IsExplicitCaption || block.LabelledKeywords is not null;

    /// <summary>The first paragraph of a post with no byline: prose that ends like a sentence.</summary>
    private static bool IsOpeningParagraph(SourceBlock block)
    {
        var text = block.Lines[^1].Text;
        return !block.IsContinueReading && !block.IsTitleLike && block.AnyByline is null
            && !LineShape.IsListLine(block.FirstText)
            && LineShape.EndsLikeSentence(LineShape.TrimSpaces(text))
            && block.Lines.Sum(line => line.Text.Length) >= MinOpeningParagraphLength;
    }
}
