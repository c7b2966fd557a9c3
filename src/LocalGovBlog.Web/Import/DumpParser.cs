using System.Globalization;

namespace LocalGovBlog.Web.Import;

/// <summary>
/// Reads a plain-text blog dump (product brief, section 2) into articles, and diagnostics for the lines
/// that belong to none. Every non-blank line ends up in exactly one place. Parsing is lazy: each entry is
/// yielded as soon as it is complete, and only the current post and a few blocks of look-ahead are held.
/// A dump's own conventions (<see cref="DumpShape"/>) are learned in a first pass; given a string, the
/// parser makes that pass itself, given a reader it uses the shape it is handed.
/// </summary>
public static class DumpParser
{
    /// <summary>Who a post with no byline is by, unless configured otherwise: the blog itself.</summary>
    public const string DefaultHouseAuthor = "INLOGOV";

    private const string BeforeFirstPost = "text before the first post (no title and byline found)";
    private const string AfterTitleWithoutByline = "follows a title that has no byline, so it belongs to no post";
    private const string TitleWithoutByline =
        "looks like a post title, but no byline follows it: a post needs the author's name on its own line after the title";
    private const string StrayContinueReading = "a “Continue reading” marker outside any post";
    private const string StrayKeywords = "keywords or categories with no post above them to belong to";
    private const string Furniture = "the listing page's furniture, repeated between this dump's posts; it belongs to no post";

    public static IEnumerable<DumpEntry> Parse(TextReader reader, DumpShape? shape = null, string houseAuthor = DefaultHouseAuthor)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(houseAuthor);
        return ParseLazily(reader, shape ?? DumpShape.Generic, houseAuthor);
    }

    public static IEnumerable<DumpEntry> Parse(string text, string houseAuthor = DefaultHouseAuthor)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(houseAuthor);
        return ParseTextLazily(text, houseAuthor);
    }

    private static IEnumerable<DumpEntry> ParseTextLazily(string text, string houseAuthor)
    {
        var shape = DumpShape.Learn(text);
        using var reader = new StringReader(text);
        foreach (var entry in ParseLazily(reader, shape, houseAuthor))
        {
            yield return entry;
        }
    }

    private static IEnumerable<DumpEntry> ParseLazily(TextReader reader, DumpShape shape, string houseAuthor)
    {
        using var blocks = SourceBlockReader.Read(reader, shape).GetEnumerator();
        var window = new BlockWindow(blocks);
        var openings = new PostOpenings(window, shape);
        var posts = new PostReader(window, openings, new PostBoundaries(window, openings), houseAuthor);
        var lengths = new PostLengths();
        var ordinal = 0;
        var outsideReason = BeforeFirstPost;
        var context = OpeningContext.Start;
        PostOpening? next = null;
        while (window.Peek() is { } block)
        {
            if ((next ?? openings.Find(0, context)) is { } opening)
            {
                var reading = posts.Read(ordinal++, opening);
                lengths.Add(reading.Article);
                yield return reading.Article;
                outsideReason = AfterPost(reading);
                next = reading.Next;
                context = OpeningContext.AfterEnd;
                continue;
            }
            window.Take();
            var reason = block switch
            {
                { IsContinueReading: true } => StrayContinueReading,
                { IsFurniture: true } => Furniture,
                { LabelledKeywords: not null } => StrayKeywords,
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
            context = OpeningContext.AfterStray;
        }
        foreach (var warning in lengths.Outliers())
        {
            yield return warning;
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

    /// <summary>
    /// The second guard against a swallowed post: a whole post far longer than the dump's other whole posts
    /// may hold another whose opening could not be read. Excerpts are left out, being short by nature. Keeps
    /// two numbers a post, so a huge dump costs little.
    /// </summary>
    private sealed class PostLengths
    {
        private const int MinPosts = 5;
        private const int Factor = 3;
        private const int MinSuspectLength = 6000;

        private readonly List<(int TitleLine, int Length)> _posts = [];

        public void Add(ParsedArticle article)
        {
            if (!article.IsExcerpt)
            {
                _posts.Add((article.TitleLine, article.Blocks.Sum(block => block.Text.Length)));
            }
        }

        public IEnumerable<DumpDiagnostic> Outliers()
        {
            if (_posts.Count < MinPosts)
            {
                yield break;
            }
            var sorted = _posts.Select(post => post.Length).Order().ToList();
            var median = sorted[sorted.Count / 2];
            foreach (var (titleLine, length) in _posts)
            {
                if (length >= MinSuspectLength && length > Factor * Math.Max(median, 1))
                {
                    yield return new DumpDiagnostic(titleLine,
                        string.Create(CultureInfo.InvariantCulture,
                            $"possible missed post boundary: this post's body is {length:N0} characters, more than {Factor} times the dump's typical {median:N0}; another post whose byline could not be read may be inside it"),
                        "", DiagnosticKind.Warning);
                }
            }
        }
    }
}
