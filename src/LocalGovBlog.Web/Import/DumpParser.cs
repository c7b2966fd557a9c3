namespace LocalGovBlog.Web.Import;

/// <summary>
/// Reads a plain-text blog dump (product brief, section 2) into articles, and diagnostics for the lines
/// that belong to none. Every non-blank line ends up in exactly one place. Parsing is lazy: each entry is
/// yielded as soon as it is complete, and only the current post and a few blocks of look-ahead are held.
/// </summary>
public static class DumpParser
{
    private const string BeforeFirstPost = "text before the first post (no title and byline found)";
    private const string AfterTitleWithoutByline = "follows a title that has no byline, so it belongs to no post";
    private const string TitleWithoutByline =
        "looks like a post title, but no byline follows it: a post needs the author's name on its own line after the title";
    private const string StrayContinueReading = "a “Continue reading” marker outside any post";

    public static IEnumerable<DumpEntry> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ParseLazily(reader);
    }

    public static IEnumerable<DumpEntry> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ParseTextLazily(text);
    }

    private static IEnumerable<DumpEntry> ParseTextLazily(string text)
    {
        using var reader = new StringReader(text);
        foreach (var entry in ParseLazily(reader))
        {
            yield return entry;
        }
    }

    private static IEnumerable<DumpEntry> ParseLazily(TextReader reader)
    {
        using var blocks = SourceBlockReader.Read(reader).GetEnumerator();
        var window = new BlockWindow(blocks);
        var boundaries = new PostBoundaries(window);
        var posts = new PostReader(window, boundaries);
        var ordinal = 0;
        var outsideReason = BeforeFirstPost;
        while (window.Peek() is { } block)
        {
            if (boundaries.PostStartsAt(0, afterBody: false))
            {
                var reading = posts.Read(ordinal++);
                yield return reading.Article;
                outsideReason = AfterPost(reading);
                continue;
            }
            window.Take();
            var reason = block switch
            {
                { IsContinueReading: true } => StrayContinueReading,
                { IsTitleLike: true } => TitleWithoutByline,
                _ => outsideReason,
            };
            foreach (var line in block.Lines)
            {
                yield return new DumpDiagnostic(line.Number, reason, LineShape.TrimSpaces(line.Text));
            }
            if (block.IsTitleLike)
            {
                outsideReason = AfterTitleWithoutByline;
            }
        }
    }

    private static string AfterPost(PostReading reading) => reading.Ending switch
    {
        PostEnding.ContinueReading =>
            $"after “Continue reading” (line {reading.Article.ContinueReadingLine}) and before the next title and byline: "
            + "the dump holds only the start of that post, so this text belongs to no post",
        _ =>
            $"after the end of the post “{Shorten(reading.Article.Title)}” (line {reading.Article.TitleLine}), and neither "
            + "a bio of its authors nor the start of a new post (a title line followed by a byline)",
    };

    private static string Shorten(string title) => title.Length <= 60 ? title : string.Concat(title.AsSpan(0, 57), "…");
}
