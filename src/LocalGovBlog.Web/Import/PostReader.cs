namespace LocalGovBlog.Web.Import;

/// <summary>How a post ended, which decides what the text after it is called.</summary>
internal enum PostEnding
{
    EndOfDump,
    NextPost,
    ContinueReading,
    SignOff,
}

internal sealed record PostReading(ParsedArticle Article, PostEnding Ending);

/// <summary>
/// Reads one post, from its title and byline to its end: "Continue reading", a sign-off with its bios,
/// the next title and byline, or the end of the dump.
/// </summary>
internal sealed class PostReader(BlockWindow window, PostBoundaries boundaries)
{
    /// <summary>Reads the post whose title is the next block; the caller has checked that one starts there.</summary>
    public PostReading Read(int ordinal)
    {
        var title = window.Take();
        var bylineBlock = window.Take();
        var byline = bylineBlock.Byline ?? throw new InvalidOperationException("A post must start with a title and a byline.");
        var post = new PostInProgress(byline);
        post.LastLine = bylineBlock.LastLine;
        var ending = ReadBody(post);
        var article = new ParsedArticle
        {
            Ordinal = ordinal,
            Title = title.FirstText,
            TitleLine = title.FirstLine,
            Authors = byline.Authors,
            BylineLine = bylineBlock.FirstLine,
            Role = byline.Role,
            Standfirst = post.Standfirst?.FirstText,
            StandfirstLine = post.Standfirst?.FirstLine,
            Blocks = post.Blocks,
            IsExcerpt = post.ContinueReadingLine is not null,
            ContinueReadingLine = post.ContinueReadingLine,
            SignOffLine = post.SignOffLine,
            Bios = post.Bios,
            Diagnostics = post.Diagnostics,
            LastLine = post.LastLine,
        };
        return new PostReading(article, ending);
    }

    private PostEnding ReadBody(PostInProgress post)
    {
        var isFirstBlock = true;
        while (window.Peek() is { } block)
        {
            if (block.IsContinueReading)
            {
                window.Take();
                post.ContinueReadingLine = block.FirstLine;
                post.LastLine = block.LastLine;
                return PostEnding.ContinueReading;
            }
            if (boundaries.SignOffIsNext(post.Byline, post.Mentions))
            {
                window.Take();
                post.SignOffLine = block.FirstLine;
                post.LastLine = block.LastLine;
                ReadBios(post);
                return PostEnding.SignOff;
            }
            if (boundaries.PostStartsAt(0, afterBody: true))
            {
                return PostEnding.NextPost;
            }
            window.Take();
            post.LastLine = block.LastLine;
            if (isFirstBlock && PostBoundaries.IsStandfirst(block, post.Mentions))
            {
                post.Standfirst = block;
            }
            else
            {
                BodyBlockReader.Append(block, post.Blocks, post.Diagnostics);
            }
            isFirstBlock = false;
        }
        return PostEnding.EndOfDump;
    }

    private void ReadBios(PostInProgress post)
    {
        while (window.Peek() is { } block && !boundaries.PostStartsAt(0, afterBody: false))
        {
            var isBio = post.Bios.Count == 0
                ? PostBoundaries.IsFirstBio(block, post.Mentions)
                : PostBoundaries.IsFurtherBio(block, post.Mentions);
            if (!isBio)
            {
                return;
            }
            window.Take();
            post.Bios.Add(new ParsedBio(BioSubject(block.FirstText, post), block.FirstText, block.FirstLine));
            post.LastLine = block.LastLine;
        }
    }

    /// <summary>
    /// The author a bio is about: the one it names first, or none when it names several together.
    /// A bio that names nobody ("She has worked …") is about the same person as the bio before it.
    /// </summary>
    private static int? BioSubject(string bio, PostInProgress post)
    {
        if (post.Mentions.FindFirst(bio) is { } mention)
        {
            return mention.AuthorIndex;
        }
        if (post.Bios.Count > 0)
        {
            return post.Bios[^1].AuthorIndex;
        }
        return post.Byline.Authors.Count == 1 ? 0 : null;
    }

    private sealed class PostInProgress(Byline byline)
    {
        public Byline Byline => byline;

        public AuthorMentions Mentions { get; } = new(byline.Authors);

        public SourceBlock? Standfirst { get; set; }

        public List<ParsedBlock> Blocks { get; } = [];

        public List<DumpDiagnostic> Diagnostics { get; } = [];

        public List<ParsedBio> Bios { get; } = [];

        public int? ContinueReadingLine { get; set; }

        public int? SignOffLine { get; set; }

        public int LastLine { get; set; }
    }
}
