namespace LocalGovBlog.Web.Data;

public sealed class Author
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    /// <summary>Display name without honorific, as first spelled in a byline.</summary>
    public required string Name { get; set; }

    /// <summary>Identity: <see cref="Text.PersonName.Key"/>; one row per person however spelled.</summary>
    public required string NameKey { get; set; }

    /// <summary>Folded name that author search matches parts of.</summary>
    public required string SearchName { get; set; }

    /// <summary>The role of the author's most recently imported byline that gave one.</summary>
    public string? Role { get; set; }

    /// <summary>The author's most recently imported bio.</summary>
    public string? Bio { get; set; }

    public List<ArticleAuthor> Articles { get; set; } = [];
}

/// <summary>An author of an article, with the role and bio given in that post.</summary>
public sealed class ArticleAuthor
{
    public int ArticleId { get; set; }

    public int AuthorId { get; set; }

    /// <summary>Byline order, from 0.</summary>
    public int Position { get; set; }

    public string? Honorific { get; set; }

    /// <summary>Letters after the name in this post's byline ("OBE").</summary>
    public string? PostNominals { get; set; }

    /// <summary>The role this post's byline gives, or null when it gives none (not the author's role elsewhere).</summary>
    public string? Role { get; set; }

    public string? Bio { get; set; }

    public Article Article { get; set; } = null!;

    public Author Author { get; set; } = null!;
}
