namespace LocalGovBlog.Web.Import;

/// <summary>The kinds of body block; the JSON API names them "paragraph", "quote", "listItem" and "footnote".</summary>
public enum BlockKind
{
    Paragraph = 0,
    Quote = 1,
    ListItem = 2,

    /// <summary>A note after the body ("[1] HM Treasury, …") that a marker in the text points to.</summary>
    Footnote = 3,
}

/// <summary>What the parser yields, in file order: articles and lines it could not place.</summary>
public abstract record DumpEntry;

/// <summary>What a diagnostic says about its line.</summary>
public enum DiagnosticKind
{
    /// <summary>The line belongs to no field of any post; it was left out.</summary>
    Unplaced = 0,

    /// <summary>The line was placed, but the reading may be wrong: a person should look (and <c>--strict</c> refuses the file).</summary>
    Warning = 1,

    /// <summary>The line was placed by a rule worth knowing about (a post with no byline read as the blog's own).</summary>
    Note = 2,
}

/// <summary>
/// A line the report speaks about, with a reason a person can act on. An <see cref="DiagnosticKind.Unplaced"/>
/// line is in no field; warnings and notes are about lines that are also placed in a post.
/// </summary>
public sealed record DumpDiagnostic(int Line, string Message, string Text, DiagnosticKind Kind = DiagnosticKind.Unplaced) : DumpEntry;

/// <summary>One body block. <see cref="Text"/> is the canonical text the block contributes:
/// its source lines with the list marker removed, joined by single spaces, typography kept.</summary>
public sealed record ParsedBlock(BlockKind Kind, string Text, int FirstLine, int LastLine, bool Ordered = false);

/// <summary>An author as the byline spells them: <see cref="Name"/> has no honorific ("Dr") and no
/// post-nominal letters ("OBE"). <see cref="Role"/> is set only when co-authors each have their own
/// ("Jane Smith, Lecturer, John Brown, Research Fellow"); a role they share is <see cref="ParsedArticle.Role"/>.</summary>
public sealed record ParsedAuthor(string Name, string? Honorific, string? PostNominals = null, string? Role = null);

/// <summary>A caption, image credit or alt text near the title or byline: kept, shown small, not body text.</summary>
public sealed record ParsedCaption(string Text, int Line);

/// <summary>A bio paragraph after the sign-off; <see cref="AuthorIndex"/> points into
/// <see cref="ParsedArticle.Authors"/>, or is null when it speaks of all the authors together.</summary>
public sealed record ParsedBio(int? AuthorIndex, string Text, int Line);

public sealed record ParsedArticle : DumpEntry
{
    /// <summary>Zero-based position of the post in the dump.</summary>
    public required int Ordinal { get; init; }

    public required string Title { get; init; }

    public required int TitleLine { get; init; }

    public required IReadOnlyList<ParsedAuthor> Authors { get; init; }

    /// <summary>The byline's line; null for a post with no byline, which is read as the blog's own
    /// (<see cref="Authors"/> then holds the house author).</summary>
    public required int? BylineLine { get; init; }

    /// <summary>The role given in this post's byline ("Director, INLOGOV"), shared by all its authors; null when
    /// the byline gives co-authors roles of their own (<see cref="ParsedAuthor.Role"/>).</summary>
    public string? Role { get; init; }

    /// <summary>A standfirst: an introduction under the byline, or the byline itself when it is a sentence
    /// ("Jo Bloggs gives a first look at …"), in which case <see cref="StandfirstLine"/> is null.</summary>
    public string? Standfirst { get; init; }

    public int? StandfirstLine { get; init; }

    public IReadOnlyList<ParsedCaption> Captions { get; init; } = [];

    /// <summary>The date the listing gives for the post.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>The line the date was read from; it may be the byline's ("Posted on 03/04/2019 by Jo Bloggs.").</summary>
    public int? DateLine { get; init; }

    /// <summary>Keywords or categories the listing gives ("devolution, mayors", "Posted in Devolution").</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public IReadOnlyList<int> KeywordLines { get; init; } = [];

    public required IReadOnlyList<ParsedBlock> Blocks { get; init; }

    /// <summary>True when the post stopped at "Continue reading": the dump holds only its beginning.</summary>
    public bool IsExcerpt { get; init; }

    public int? ContinueReadingLine { get; init; }

    public int? SignOffLine { get; init; }

    public IReadOnlyList<ParsedBio> Bios { get; init; } = [];

    /// <summary>Lines inside this post that fit no field (each also counted in the import report).</summary>
    public IReadOnlyList<DumpDiagnostic> Diagnostics { get; init; } = [];

    public int LastLine { get; init; }
}
