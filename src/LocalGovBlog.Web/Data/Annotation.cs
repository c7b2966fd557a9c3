namespace LocalGovBlog.Web.Data;

/// <summary>
/// A passage tag: a range of an article's canonical text (position and quote selectors), the
/// themes it is tagged with, an optional Markdown note, and who made it.
/// </summary>
public sealed class Annotation
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    public required string OwnerId { get; set; }

    public AppUser Owner { get; set; } = null!;

    /// <summary>UTF-16 offset into <see cref="Article.Text"/>, inclusive.</summary>
    public int Start { get; set; }

    /// <summary>UTF-16 offset, exclusive.</summary>
    public int End { get; set; }

    public required string Exact { get; set; }

    public required string Prefix { get; set; }

    public required string Suffix { get; set; }

    /// <summary>Markdown, rendered and sanitised on the way out.</summary>
    public string? Note { get; set; }

    /// <summary>Private tags are seen only by their owner.</summary>
    public bool IsPublic { get; set; } = true;

    /// <summary>Re-import lost the passage: the tag is kept with its quote but attached to no words.</summary>
    public bool IsOrphan { get; set; }

    /// <summary>
    /// The "edited passage" mark: a re-import carried the tag to words that changed, and this is
    /// the quote it had before (the earliest, if several imports changed it). Null once the owner
    /// or an editor accepts the new words, or when the tag's words are its own again.
    /// </summary>
    public string? QuoteBeforeEdit { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>
    /// Set when the tag is deleted: for a short while it can be restored ("Undo"), and until then
    /// every query leaves it out (a query filter) and the search index drops its note.
    /// </summary>
    public DateTime? DeletedAtUtc { get; set; }

    public List<Theme> Themes { get; set; } = [];

    /// <summary>
    /// The row version: one more with every saved change (<see cref="ArchiveDbContext"/> counts it), and checked on
    /// save, so two people changing the same tag at once cannot overwrite each other unseen (the second gets a 409).
    /// </summary>
    public int Version { get; set; } = 1;
}
