using LocalGovBlog.Web.Import;

namespace LocalGovBlog.Web.Data;

public sealed class Article
{
    public int Id { get; set; }

    /// <summary>Stable address: made from the title when first imported, kept when the post changes.</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }

    public string? Standfirst { get; set; }

    /// <summary>The date the listing gave for the post, when it gave one.</summary>
    public DateOnly? Published { get; set; }

    /// <summary>Captions, image credits and alt text near the title, one a line: shown small, not body text.</summary>
    public string? Captions { get; set; }

    /// <summary>Keywords or categories the listing gave, one a line.</summary>
    public string? Keywords { get; set; }

    public bool IsExcerpt { get; set; }

    /// <summary>The canonical text (body blocks joined by a blank line) that passage offsets index.</summary>
    public required string Text
    {
        get => _text;
        set
        {
            _text = value;
            TextLength = value.Length;
        }
    }

    private string _text = "";

    /// <summary>The length of <see cref="Text"/> in UTF-16 code units (the unit of passage offsets), kept so the
    /// coding comparison learns each article's length without reading its text.</summary>
    public int TextLength { get; private set; }

    /// <summary>SHA-256 of everything the dump says about the post; equal hash means unchanged.</summary>
    public required string ContentHash { get; set; }

    /// <summary>Hash of the first author and the opening words: finds the post again when its title changes.</summary>
    public required string OpeningKey { get; set; }

    /// <summary>Order of first appearance across imports: the blog listing's order.</summary>
    public int SourceOrder { get; set; }

    public int WordCount { get; set; }

    public DateTime ImportedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<ArticleBlock> Blocks { get; set; } = [];

    public List<ArticleAuthor> Authors { get; set; } = [];
}

public sealed class ArticleBlock
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public int Ordinal { get; set; }

    public BlockKind Kind { get; set; }

    /// <summary>For list items: a numbered list rather than bullets.</summary>
    public bool Ordered { get; set; }

    /// <summary>Offset of the block's first character in <see cref="Article.Text"/> (UTF-16, inclusive).</summary>
    public int Start { get; set; }

    /// <summary>Offset just past the block's last character (exclusive).</summary>
    public int End { get; set; }
}
