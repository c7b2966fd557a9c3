using System.Globalization;

namespace LocalGovBlog.Web.Import;

/// <summary>How a post ended, which decides what the text after it is called.</summary>
internal enum PostEnding
{
    EndOfDump,
    NextPost,
    ContinueReading,
    SignOff,

    /// <summary>The listing's furniture ("Share this:") stood where the post ended.</summary>
    Furniture,
}

/// <summary>A post read, how it ended, and, when it ended at the next post's opening, that opening.</summary>
internal sealed record PostReading(ParsedArticle Article, PostEnding Ending, PostOpening? Next);

/// <summary>
/// Reads one post, from its opening (title, byline, and the dates, captions and keywords around them) to its
/// end: "Continue reading", a sign-off with its bios, bios alone, the next post's opening, or the end of the dump.
/// </summary>
internal sealed class PostReader(BlockWindow window, PostOpenings openings, PostBoundaries boundaries, string houseAuthor)
{
    /// <summary>Reads the post that <paramref name="opening"/> (found at the window's front) starts.</summary>
    public PostReading Read(int ordinal, PostOpening opening)
    {
        var post = new PostInProgress();
        for (var i = 0; i < opening.Length; i++)
        {
            var block = window.Take();
            if (i == opening.Title)
            {
                post.Title = block;
            }
            else if (i == opening.Byline)
            {
                post.BylineBlock = block;
            }
            else
            {
                post.TakeExtra(block);
            }
            post.LastLine = block.LastLine;
        }
        post.Byline = post.BylineBlock?.AnyByline;
        post.Mentions = new AuthorMentions(post.Authors(houseAuthor));
        NoteTheBylineReading(post);
        ReadExtrasUnderByline(post);
        var ending = ReadBody(post, out var next);
        return new PostReading(post.ToArticle(ordinal, houseAuthor), ending, next);
    }

    private void NoteTheBylineReading(PostInProgress post)
    {
        var title = post.Title!;
        if (post.BylineBlock is { } bylineBlock)
        {
            if (bylineBlock.DateLine is not null && post.Published is null)
            {
                post.SetDate(bylineBlock);
            }
            if (post.Byline is null)
            {
                post.Diagnostics.Add(new DumpDiagnostic(bylineBlock.FirstLine,
                    $"the date line names “{bylineBlock.DateLine!.Names}”, which is not a person's name: the post is read as one by {houseAuthor}",
                    bylineBlock.FirstText, DiagnosticKind.Note));
            }
            else if (post.Byline.IsSentence)
            {
                post.StandfirstText = bylineBlock.FirstText;
            }
            return;
        }
        post.Diagnostics.Add(new DumpDiagnostic(title.FirstLine,
            $"no byline under this title: the post is read as one by {houseAuthor} (a notice or announcement by the blog itself)",
            title.FirstText, DiagnosticKind.Note));
    }

    /// <summary>Dates, captions and keywords between the byline and the first paragraph.</summary>
    private void ReadExtrasUnderByline(PostInProgress post)
    {
        var first = true;
        while (window.Peek() is { IsSingleLine: true } block && !block.IsContinueReading)
        {
            var isDate = block.IsDateOnly && post.Published is null;
            var keywords = block.LabelledKeywords ?? (first && post.Keywords.Count == 0 && block.AnyByline is null ? KeywordLine.ReadBare(block.FirstText) : null);
            if (!isDate && !block.IsExplicitCaption && keywords is null)
            {
                return;
            }
            post.TakeExtra(window.Take(), keywords);
            post.LastLine = block.LastLine;
            first = false;
        }
    }

    private PostEnding ReadBody(PostInProgress post, out PostOpening? next)
    {
        next = null;
        var isFirstBlock = true;
        while (window.Peek() is { } block)
        {
            if (block.IsContinueReading)
            {
                window.Take();
                post.ContinueReadingLine = block.FirstLine;
                post.LastLine = block.LastLine;
                ReadListingLinesAfterEnd(post);
                return PostEnding.ContinueReading;
            }
            if (post.Byline is { } byline && boundaries.SignOffIsNext(byline, post.Mentions))
            {
                window.Take();
                post.SignOffLine = block.FirstLine;
                post.LastLine = block.LastLine;
                ReadBios(post);
                return PostEnding.SignOff;
            }
            if (block.IsFurniture)
            {
                ReadFurnitureAfterEnd(post);
                return PostEnding.Furniture;
            }
            if (post.Byline is not null && boundaries.BiosAreNext(post.Mentions))
            {
                ReadBios(post);
                return PostEnding.SignOff;
            }
            if (openings.Find(0, OpeningContext.AfterBody) is { } opening)
            {
                next = opening;
                return PostEnding.NextPost;
            }
            window.Take();
            post.LastLine = block.LastLine;
            if (post.TryAddFootnote(block))
            {
                continue;
            }
            if (block.LabelledKeywords is { } keywords)
            {
                post.AddKeywords(block, keywords);
                continue;
            }
            if (isFirstBlock && post.StandfirstText is null && boundaries.IsStandfirst(block, post.Byline is null ? null : post.Mentions))
            {
                post.Standfirst = block;
                post.StandfirstText = block.FirstText;
                post.NoteMarkers(block.FirstText);
            }
            else
            {
                if (!isFirstBlock && boundaries.MissedBoundary(block, post.Byline) is { } warning)
                {
                    post.Diagnostics.Add(warning);
                }
                var before = post.Blocks.Count;
                BodyBlockReader.Append(block, post.Blocks, post.Diagnostics);
                for (var i = before; i < post.Blocks.Count; i++)
                {
                    post.NoteMarkers(post.Blocks[i].Text);
                }
            }
            isFirstBlock = false;
        }
        return PostEnding.EndOfDump;
    }

    /// <summary>
    /// The listing's furniture where a post ends ("Share this:", "Leave a comment"), with the post's tags among it:
    /// the furniture is reported as placed in no post, the tags kept as the post's keywords.
    /// </summary>
    private void ReadFurnitureAfterEnd(PostInProgress post)
    {
        while (window.Peek() is { } block && (block.IsFurniture || block.LabelledKeywords is not null || post.IsFootnote(block)))
        {
            window.Take();
            if (post.TryAddFootnote(block))
            {
                // a note after the furniture is still the post's
            }
            else if (block.LabelledKeywords is { } keywords)
            {
                post.AddKeywords(block, keywords);
            }
            else
            {
                foreach (var line in block.Lines)
                {
                    post.Diagnostics.Add(new DumpDiagnostic(line.Number,
                        "the listing page's furniture, repeated where this dump's posts end; left out of the post", LineShape.TrimSpaces(line.Text)));
                }
            }
            post.LastLine = block.LastLine;
        }
    }

    /// <summary>After "Read more", a listing may give the post's categories ("Posted in Devolution | Leave a comment").</summary>
    private void ReadListingLinesAfterEnd(PostInProgress post)
    {
        while (window.Peek() is { } block && block.LabelledKeywords is { } keywords)
        {
            window.Take();
            post.AddKeywords(block, keywords);
            post.LastLine = block.LastLine;
        }
    }

    private void ReadBios(PostInProgress post)
    {
        while (window.Peek() is { } block)
        {
            var isBio = post.Bios.Count == 0
                ? PostBoundaries.IsFirstBio(block, post.Mentions)
                : PostBoundaries.IsFurtherBio(block, post.Mentions);
            // A new post starts here, unless its "title" is only a bio whose next line was taken for alt text.
            if (openings.Find(0, OpeningContext.AfterEnd) is { } opening && !(opening.UsesAltText && isBio))
            {
                return;
            }
            if (post.IsFootnote(block) || block.LabelledKeywords is not null)
            {
                window.Take();
                post.LastLine = block.LastLine;
                if (!post.TryAddFootnote(block))
                {
                    post.AddKeywords(block, block.LabelledKeywords!);
                }
                continue;
            }
            if (!isBio)
            {
                return;
            }
            window.Take();
            foreach (var (author, text) in SplitBySubject(block.FirstText, post))
            {
                post.Bios.Add(new ParsedBio(author, text, block.FirstLine));
            }
            post.LastLine = block.LastLine;
        }
    }

    /// <summary>
    /// A bio paragraph cut where it turns from one author to another ("Dr Ann Lee is … Professor Bo Chan is …"),
    /// so each gets their own sentences. A sentence that names nobody goes with the one before it; a paragraph
    /// about one author, or about all of them together, stays whole.
    /// </summary>
    private static List<(int? Author, string Text)> SplitBySubject(string bio, PostInProgress post)
    {
        var whole = new List<(int?, string)> { (BioSubject(bio, post), bio) };
        if (post.Mentions.AuthorCount < 2)
        {
            return whole;
        }
        var parts = new List<(int? Author, List<string> Sentences)>();
        foreach (var sentence in LineShape.SplitSentences(bio))
        {
            var mention = post.Mentions.FindFirst(sentence);
            if (mention is { AtStart: true, AuthorIndex: { } author } && (parts.Count == 0 || parts[^1].Author != author))
            {
                parts.Add((author, [sentence]));
            }
            else if (parts.Count > 0)
            {
                parts[^1].Sentences.Add(sentence);
            }
            else
            {
                return whole;
            }
        }
        return parts.Count < 2 ? whole : parts.ConvertAll(part => (part.Author, string.Join(' ', part.Sentences)));
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
        return post.Mentions.AuthorCount == 1 ? 0 : null;
    }

    private sealed class PostInProgress
    {
        private readonly HashSet<string> _markersSeen = new(StringComparer.Ordinal);
        private string? _lastFootnote;

        public SourceBlock? Title { get; set; }

        public SourceBlock? BylineBlock { get; set; }

        public Byline? Byline { get; set; }

        public AuthorMentions Mentions { get; set; } = null!;

        public SourceBlock? Standfirst { get; set; }

        public string? StandfirstText { get; set; }

        public List<ParsedCaption> Captions { get; } = [];

        public DateOnly? Published { get; private set; }

        public int? DateLine { get; private set; }

        public List<string> Keywords { get; } = [];

        public List<int> KeywordLines { get; } = [];

        public List<ParsedBlock> Blocks { get; } = [];

        public List<DumpDiagnostic> Diagnostics { get; } = [];

        public List<ParsedBio> Bios { get; } = [];

        public int? ContinueReadingLine { get; set; }

        public int? SignOffLine { get; set; }

        public int LastLine { get; set; }

        public IReadOnlyList<ParsedAuthor> Authors(string houseAuthor) => Byline?.Authors ?? [new ParsedAuthor(houseAuthor, null)];

        /// <summary>A date, caption or keyword line near the title or byline.</summary>
        public void TakeExtra(SourceBlock block, IReadOnlyList<string>? keywords = null)
        {
            if (block.IsDateOnly && Published is null && block.Date is not null)
            {
                SetDate(block);
            }
            else if ((keywords ?? block.LabelledKeywords) is { } list)
            {
                AddKeywords(block, list);
            }
            else if (block.IsDateOnly)
            {
                Diagnostics.Add(new DumpDiagnostic(block.FirstLine,
                    Published is null ? "a date that is not a day of the calendar; it was left out" : "a second date line for the same post; the first one was kept",
                    block.FirstText));
            }
            else
            {
                Captions.Add(new ParsedCaption(block.FirstText, block.FirstLine));
            }
        }

        public void SetDate(SourceBlock block)
        {
            Published = block.Date;
            DateLine = Published is null ? null : block.FirstLine;
        }

        public void AddKeywords(SourceBlock block, IReadOnlyList<string> keywords)
        {
            Keywords.AddRange(keywords.Where(keyword => !Keywords.Contains(keyword, StringComparer.OrdinalIgnoreCase)));
            KeywordLines.Add(block.FirstLine);
        }

        public void NoteMarkers(string text)
        {
            foreach (var marker in Footnotes.MarkersIn(text))
            {
                _markersSeen.Add(marker.Label);
            }
        }

        /// <summary>A note whose marker the text above used, or the next one in a run of notes.</summary>
        public bool IsFootnote(SourceBlock block) =>
            Footnotes.LabelAtStart(block.FirstText) is { } label
            && (_markersSeen.Contains(label) || (_lastFootnote is not null && IsNextLabel(_lastFootnote, label)));

        public bool TryAddFootnote(SourceBlock block)
        {
            if (!IsFootnote(block))
            {
                return false;
            }
            _lastFootnote = Footnotes.LabelAtStart(block.FirstText);
            Blocks.Add(new ParsedBlock(BlockKind.Footnote, block.JoinedText, block.FirstLine, block.LastLine));
            return true;
        }

        private static bool IsNextLabel(string previous, string label) =>
            int.TryParse(previous, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var next)
            && next == number + 1;

        public ParsedArticle ToArticle(int ordinal, string houseAuthor) => new()
        {
            Ordinal = ordinal,
            Title = Title!.FirstText,
            TitleLine = Title.FirstLine,
            Authors = Authors(houseAuthor),
            BylineLine = BylineBlock?.FirstLine,
            Role = Byline?.Role,
            Standfirst = StandfirstText,
            StandfirstLine = Standfirst?.FirstLine,
            Captions = Captions,
            Published = Published,
            DateLine = DateLine,
            Keywords = Keywords,
            KeywordLines = KeywordLines,
            Blocks = Blocks,
            IsExcerpt = ContinueReadingLine is not null,
            ContinueReadingLine = ContinueReadingLine,
            SignOffLine = SignOffLine,
            Bios = Bios,
            Diagnostics = Diagnostics,
            LastLine = LastLine,
        };
    }
}
