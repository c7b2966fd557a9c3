namespace LocalGovBlog.Web.Search;

/// <summary>
/// Full-text search over the archive: the one seam that knows the engine (SQLite FTS5 today),
/// so another store (PostgreSQL) can provide the same service with its own index.
/// </summary>
public interface IArticleSearch
{
    /// <summary>Finds articles matching the words, narrowed to any of the given authors and themes;
    /// ranked by relevance unless too many match, with author and theme counts.</summary>
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken);

    /// <summary>Brings the index up to date for these articles, inside the caller's transaction.</summary>
    Task IndexAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken);

    /// <summary>Paragraphs of the archive most like <paramref name="sample"/> (bm25 over the sample's most telling
    /// words, weighed against the whole archive), best first; no model, only the index.</summary>
    Task<IReadOnlyList<SimilarPassage>> SimilarPassagesAsync(string sample, int limit, CancellationToken cancellationToken);

    /// <summary>Ranks <paramref name="texts"/> by bm25 against the words of <paramref name="query"/>, best first;
    /// texts sharing none of its words are left out.</summary>
    Task<IReadOnlyList<RankedText>> RankTextsAsync(string query, IReadOnlyList<KeyedText> texts, int limit, CancellationToken cancellationToken);
}

/// <summary>A body block of an article (UTF-16 offsets, end exclusive) and how like the sample it is (higher is closer).</summary>
public sealed record SimilarPassage(int ArticleId, int Start, int End, double Score);

public sealed record KeyedText(int Key, string Text);

public sealed record RankedText(int Key, double Score);

/// <param name="Words">What the reader typed, already made safe.</param>
/// <param name="AuthorIds">Articles by any of these authors; null for any author.</param>
/// <param name="ThemeIds">Articles tagged with any of these themes; null for any theme.</param>
public sealed record SearchRequest(SearchQuery Words, IReadOnlyList<int>? AuthorIds, IReadOnlyList<int>? ThemeIds, int Page, int PageSize);

/// <param name="Ranked">False when so many articles match that only the best candidates (words in a title,
/// standfirst or author) are ranked, and the rest come in archive order.</param>
/// <param name="AuthorFacets">Matches per author for the words alone; empty when too many match to count cheaply.</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, bool Ranked, IReadOnlyList<SearchFacet> AuthorFacets)
{
    /// <summary>Matches per theme for the words alone; empty when too many match to count cheaply.</summary>
    public IReadOnlyList<SearchFacet> ThemeFacets { get; init; } = [];

    public static SearchResults None { get; } = new([], 0, true, []);
}

/// <param name="SnippetHtml">Safe HTML: encoded text with the matched words in &lt;mark&gt;.</param>
public sealed record SearchHit(int ArticleId, string? SnippetHtml);

public sealed record SearchFacet(int Id, string Slug, string Name, int Count);
