using System.Globalization;
using LocalGovBlog.Web.Text;

namespace LocalGovBlog.Web.Import;

/// <summary>
/// Decides, by looking a few blocks ahead, where a post's parts begin and end: the standfirst under the
/// byline, the sign-off and bios that end it, and the lines inside a body that look like the start of a
/// post nobody could read a byline for.
/// </summary>
internal sealed class PostBoundaries(BlockWindow window, PostOpenings openings)
{
    private const int MaxStandfirstLength = 450;
    private const int MaxStandfirstSentences = 3;
    private const int MaxQuestionLength = 250;
    private const int MaxSubtitleLength = 200;

    // Third-person openings that carry a bio on into a further paragraph.
    private static readonly string[] BioContinuations = ["He ", "She ", "They ", "His ", "Her ", "Their ", "Both "];

    // What a bio says straight after the name: "Anthony Mason is a senior associate …".
    private static readonly HashSet<string> BioVerbs = new(StringComparer.Ordinal)
    {
        "is", "was", "has", "had", "leads", "led", "works", "worked", "teaches", "taught", "researches", "joined",
        "chairs", "directs", "holds", "serves", "served", "specialises", "specializes", "lectures", "writes",
    };

    /// <summary>
    /// The next block repeats the post's authors and is followed by a bio, the end of the dump, a
    /// new post or the listing's furniture ("Share this:"). Followed by anything else it is a one-line
    /// paragraph that happens to be a name.
    /// </summary>
    public bool SignOffIsNext(Byline postByline, AuthorMentions mentions)
    {
        if (window.Peek() is not { IsSingleLine: true } block || !RepeatsAuthors(block, postByline))
        {
            return false;
        }
        return window.Peek(1) is not { } next || IsFirstBio(next, mentions) || next.IsFurniture
            || openings.Find(1, OpeningContext.AfterEnd) is not null;
    }

    /// <summary>
    /// The post ends in bios with no sign-off above them ("Priya Sharma is a research fellow at …"), followed
    /// by the end of the dump or a new post.
    /// </summary>
    public bool BiosAreNext(AuthorMentions mentions)
    {
        if (window.Peek() is not { } first || !IsFirstBio(first, mentions) || !SaysWhoTheyAre(first.FirstText, mentions))
        {
            return false;
        }
        var at = 1;
        while (window.Peek(at) is { } further && IsFurtherBio(further, mentions) && openings.Find(at, OpeningContext.AfterEnd) is null)
        {
            at++;
        }
        return window.Peek(at) is not { } after || after.IsContinueReading || after.IsFurniture
            || openings.Find(at, OpeningContext.AfterEnd) is not null;
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
    /// A standfirst straight after the byline: an introduction of one to three sentences that names an author
    /// ("As the Bill reaches its second reading, Jane Doe reflects …", "… Max Lee asks what it offers the
    /// shires."), a one-sentence question, or a subtitle with no full stop — each followed by more of the post.
    /// </summary>
    public bool IsStandfirst(SourceBlock block, AuthorMentions? mentions)
    {
        if (!IsSingleProseLine(block) || LineShape.OpensWithQuote(block.FirstText)
            || window.Peek() is not { IsContinueReading: false })
        {
            return false;
        }
        var text = block.FirstText;
        if (LineShape.EndsLikeSentence(text))
        {
            var sentences = LineShape.SplitSentences(text).Count;
            if (text.EndsWith('?') && sentences == 1 && text.Length <= MaxQuestionLength)
            {
                return true;
            }
            return mentions is not null && text.Length <= MaxStandfirstLength && sentences <= MaxStandfirstSentences
                && mentions.FindFirst(text) is not null;
        }
        // A subtitle: a title-like line of a few words over a paragraph of prose.
        return block.IsTitleLike && text.Length <= MaxSubtitleLength && WordCount(text) >= 3 && LineShape.IsSingleSentence(text)
            && window.Peek() is { IsTitleLike: false } next && !LineShape.IsListLine(next.FirstText);
    }

    /// <summary>
    /// Returns a warning when a body block has the shape of a post's title with a byline-like or
    /// introduction-like line under it: a post whose byline could not be read may have been swallowed here.
    /// Called after <paramref name="block"/> is taken, so the window holds what follows it.
    /// </summary>
    public DumpDiagnostic? MissedBoundary(SourceBlock block, Byline? postByline)
    {
        const int maxTitleLength = 150;
        const int maxTitleWords = 14;
        const int maxBylineLength = 80;
        const int maxNameLikeLength = 200;
        if (!block.IsSingleLine || block.FirstText.Length > maxTitleLength || !char.IsUpper(block.FirstText[0]))
        {
            return null;
        }
        // A title seldom ends with a full stop ("Brexit means Brexit."), so such a line counts only with a name under it.
        var stoppedTitle = !block.IsTitleLike && block.FirstText.EndsWith('.') && WordCount(block.FirstText) <= maxTitleWords
            && LineShape.IsSingleSentence(block.FirstText) && !LineShape.IsListLine(block.FirstText);
        if (!(block.IsTitleLike || stoppedTitle) || WordCount(block.FirstText) < 2
            || window.Peek() is not { IsSingleLine: true } next || next.IsContinueReading || LineShape.IsListLine(next.FirstText)
            || Footnotes.LabelAtStart(next.FirstText) is not null
            || window.Peek(1) is not { } after || LineShape.IsListLine(after.FirstText)
            || (postByline is not null && RepeatsAuthors(next, postByline))
            || openings.Find(0, OpeningContext.AfterBody) is not null)
        {
            return null;
        }
        // What stands under a title where a byline should be: a name ("Jo Bloggs reflects …", "Dr Jo Bloggs | …"),
        // or a short line that does not end like a sentence ("jo bloggs (@jo) | Anytown").
        var bylineLike = (next.FirstText.Length <= maxNameLikeLength && OpensWithAName(next.FirstText))
            || (!stoppedTitle && next.FirstText.Length <= maxBylineLength && !LineShape.EndsLikeSentence(next.FirstText) && !next.FirstText.EndsWith(':'));
        if (!bylineLike)
        {
            return null;
        }
        return new DumpDiagnostic(block.FirstLine,
            string.Create(CultureInfo.InvariantCulture,
                $"possible missed post boundary: this line looks like a post's title and line {next.FirstLine} (“{Shorten(next.FirstText)}”) like its byline, but no byline could be read there, so both were kept in the body of the post above; if a post starts here, correct its byline and import again"),
            block.FirstText, DiagnosticKind.Warning);
    }

    private static bool OpensWithAName(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var at = 0;
        if (at < words.Length && words[at].Equals("by", StringComparison.OrdinalIgnoreCase))
        {
            at++;
        }
        while (at < words.Length && PersonName.IsHonorific(words[at]))
        {
            at++;
        }
        return at + 1 < words.Length
            && NameWord.IsNameWord(words[at].TrimEnd(',')) && !NameWord.IsInitial(words[at])
            && NameWord.IsNameWord(words[at + 1].TrimEnd(',', '.')) && char.IsUpper(words[at + 1][0]);
    }

    /// <summary>"Anthony Mason is …", "Dr Jane Doe has …": a name followed by what a bio says of a person.</summary>
    private static bool SaysWhoTheyAre(string text, AuthorMentions mentions)
    {
        if (mentions.FindFirst(text) is not { AtStart: true })
        {
            return false;
        }
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Take(8).Any(word => BioVerbs.Contains(word));
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "…");

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
