namespace LocalGovBlog.Web.Import;

/// <summary>The kinds of body block; the JSON API names them "paragraph", "quote" and "listItem".</summary>
public enum BlockKind
{
    Paragraph = 0,
    Quote = 1,
    ListItem = 2,
}

/// <summary>What the parser yields, in file order: articles and lines it could not place.</summary>
public abstract record DumpEntry;

/// <summary>A non-blank line that belongs to no article field, with a reason a person can act on.</summary>
public sealed record DumpDiagnostic(int Line, string Message, string Text) : DumpEntry;

/// <summary>One body block. <see cref="Text"/> is the canonical text the block contributes:
/// its source lines with the list marker removed, joined by single spaces, typography kept.</summary>
public sealed record ParsedBlock(BlockKind Kind, string Text, int FirstLine, int LastLine, bool Ordered = false);

/// <summary>An author as the byline spells them: <see cref="Name"/> has no honorific.</summary>
public sealed record ParsedAuthor(string Name, string? Honorific);

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

    public required int BylineLine { get; init; }

    /// <summary>The role given in the byline ("Director, INLOGOV"), shared by all its authors.</summary>
    public string? Role { get; init; }

    public string? Standfirst { get; init; }

    public int? StandfirstLine { get; init; }

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
