using System.Text.RegularExpressions;
using LocalGovBlog.Web.Data;
using LocalGovBlog.Web.Import;
using LocalGovBlog.Web.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LocalGovBlog.Web.Search;

/// <summary>
/// The search both engines run, with the SQL left to each (<see cref="SqliteArticleSearch"/>,
/// <see cref="PostgreSqlArticleSearch"/>). Searching: count the matches; rank them all when there are at most
/// <see cref="RankLimit"/>; otherwise rank the head (the words in a title, author or standfirst) first when it is small
/// enough, then every other match in archive order; snippets for the page's rows only; author and theme counts.
/// "More like this": weigh the sample's terms by count × rarity in the archive, find the closest articles with the most
/// telling ones, and rank those articles' paragraphs one by one.
/// </summary>
public abstract partial class ArticleSearchFlow(ArchiveDbContext db, IOptions<SearchOptions> settings) : IArticleSearch
{
    /// <summary>Sample terms searched for: the most telling ones by count × rarity.</summary>
    private const int SampleTerms = 12;

    /// <summary>Articles whose paragraphs are ranked.</summary>
    private const int CandidateArticles = 40;

    /// <summary>A term in more than this share of the archive tells nothing about a theme.</summary>
    private const double CommonShare = 0.2;

    protected ArchiveDbContext Db => db;

    /// <inheritdoc cref="SearchOptions.RankLimit"/>
    public int RankLimit { get; } = settings.Value.RankLimit;

    /// <inheritdoc cref="SearchOptions.FacetLimit"/>
    public int FacetLimit { get; } = settings.Value.FacetLimit;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Words.IsEmpty && request.AuthorIds is null && request.ThemeIds is null
            || request.AuthorIds is { Count: 0 } || request.ThemeIds is { Count: 0 })
        {
            return SearchResults.None;
        }
        await using var session = await BeginSearchAsync(cancellationToken);
        var offset = (Math.Max(1, request.Page) - 1) * request.PageSize;
        var match = Prepare(request);

        if (request.Words.IsEmpty)
        {
            // Without words there is nothing to rank or to count facets against.
            var (count, ids) = await BrowseAsync(match, request.PageSize, offset, cancellationToken);
            return new SearchResults([.. ids.Select(id => new SearchHit(id, null))], count, Ranked: false, []);
        }

        var total = await CountAsync(match, MatchPart.All, cancellationToken);
        if (total == 0)
        {
            return SearchResults.None;
        }
        var ranked = total <= RankLimit;
        var pageIds = ranked
            ? await RankedAsync(match, headOnly: false, request.PageSize, offset, cancellationToken)
            : await HeadFirstAsync(match, request.PageSize, offset, cancellationToken);
        var snippets = await SnippetsAsync(match, pageIds, cancellationToken);
        var hits = pageIds.Select(id => new SearchHit(id, SnippetHtml.Render(snippets.GetValueOrDefault(id)))).ToList();
        var facets = await AuthorFacetsAsync(match, request.AuthorIds is null && request.ThemeIds is null ? total : null, cancellationToken);
        var themeFacets = await ThemeFacetsAsync(match, cancellationToken);
        return new SearchResults(hits, total, ranked, facets) { ThemeFacets = themeFacets };
    }

    /// <summary>Too many matches to rank: the ones with the words in the short, heavily weighted parts (title,
    /// standfirst, authors) come first by rank when there are few enough of them, then every other match in archive order.</summary>
    private async Task<List<int>> HeadFirstAsync(SearchMatch match, int pageSize, int offset, CancellationToken cancellationToken)
    {
        var headCount = await CountAsync(match, MatchPart.Head, cancellationToken);
        if (headCount == 0 || headCount > RankLimit)
        {
            return await InArchiveOrderAsync(match, exceptHead: false, pageSize, offset, cancellationToken);
        }
        var ids = offset < headCount
            ? await RankedAsync(match, headOnly: true, pageSize, offset, cancellationToken)
            : [];
        if (ids.Count < pageSize)
        {
            ids.AddRange(await InArchiveOrderAsync(match, exceptHead: true, pageSize - ids.Count, Math.Max(0, offset - headCount), cancellationToken));
        }
        return ids;
    }

    /// <summary>Counts per author across every article the words match, whatever author is chosen, so a reader can
    /// switch between them; skipped when the words match too much of the archive.</summary>
    private async Task<IReadOnlyList<SearchFacet>> AuthorFacetsAsync(SearchMatch match, int? knownTotal, CancellationToken cancellationToken)
    {
        var total = knownTotal ?? await CountAsync(match, MatchPart.WordsAlone, cancellationToken);
        return total > FacetLimit ? [] : await AuthorCountsAsync(match, cancellationToken);
    }

    public abstract Task IndexAsync(IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken);

    public async Task<IReadOnlyList<SimilarPassage>> SimilarPassagesAsync(string sample, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (string.IsNullOrWhiteSpace(sample) || limit < 1)
        {
            return [];
        }
        await OpenAsync(cancellationToken);
        var counts = await SampleTermsAsync(sample, cancellationToken);
        var articles = await db.Articles.CountAsync(cancellationToken);
        var weighed = new List<(string Term, double Weight)>();
        foreach (var (term, count) in counts.Where(c => c.Term.Length >= 3 && !c.Term.All(char.IsAsciiDigit)))
        {
            var documents = await DocumentsWithAsync(term, cancellationToken);
            if (documents > 0 && documents <= Math.Max(1, articles * CommonShare))
            {
                weighed.Add((term, count * Math.Log((double)articles / documents)));
            }
        }
        var terms = weighed.OrderByDescending(w => w.Weight).Take(SampleTerms).Select(w => w.Term).ToList();
        if (terms.Count == 0)
        {
            return [];
        }
        var ids = await ClosestArticlesAsync(terms, CandidateArticles, cancellationToken);
        var texts = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Text }).ToDictionaryAsync(a => a.Id, a => a.Text, cancellationToken);
        var blocks = await db.ArticleBlocks.AsNoTracking().Where(b => ids.Contains(b.ArticleId) && b.Kind != BlockKind.Footnote)
            .OrderBy(b => b.ArticleId).ThenBy(b => b.Ordinal).Select(b => new { b.ArticleId, b.Start, b.End }).ToListAsync(cancellationToken);
        blocks = [.. blocks.Where(b => texts.ContainsKey(b.ArticleId) && b.End <= texts[b.ArticleId].Length && b.End > b.Start)];
        var ranked = await RankAgainstTermsAsync([.. blocks.Select(b => texts[b.ArticleId][b.Start..b.End])], terms, limit, cancellationToken);
        return [.. ranked.Select(r => new SimilarPassage(blocks[r.Key].ArticleId, blocks[r.Key].Start, blocks[r.Key].End, r.Score))];
    }

    public async Task<IReadOnlyList<RankedText>> RankTextsAsync(string query, IReadOnlyList<KeyedText> texts, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(texts);
        var words = Words().Matches(TextFolding.Fold(query)).Select(m => m.Value).Distinct(StringComparer.Ordinal).Take(64).ToList();
        if (words.Count == 0 || texts.Count == 0 || limit < 1)
        {
            return [];
        }
        await OpenAsync(cancellationToken);
        var ranked = await RankAgainstWordsAsync([.. texts.Select(t => t.Text)], words, limit, cancellationToken);
        return [.. ranked.Select(r => new RankedText(texts[r.Key].Key, r.Score))];
    }

    /// <summary>The reader's words and the author and theme conditions, in the engine's own terms.</summary>
    /// <param name="Words">The words as the engine's query language reads them.</param>
    /// <param name="Filter">The author and theme conditions as SQL, shaped as the engine's statements splice them in.</param>
    protected sealed record SearchMatch(string Words, string Filter, IReadOnlyList<int>? AuthorIds, IReadOnlyList<int>? ThemeIds);

    /// <summary>Which matches to count: all of them (with the filters), only those in the head (with the filters),
    /// or all of them for the words alone (for the author counts).</summary>
    protected enum MatchPart
    {
        All,
        Head,
        WordsAlone,
    }

    /// <summary>Opens the connection for one search; what it returns (if anything) is disposed when the search ends.</summary>
    protected abstract Task<IAsyncDisposable?> BeginSearchAsync(CancellationToken cancellationToken);

    protected abstract SearchMatch Prepare(SearchRequest request);

    /// <summary>No words: the filtered articles in listing order, and how many there are.</summary>
    protected abstract Task<(int Count, List<int> Ids)> BrowseAsync(SearchMatch match, int limit, int offset, CancellationToken cancellationToken);

    protected abstract Task<int> CountAsync(SearchMatch match, MatchPart part, CancellationToken cancellationToken);

    /// <summary>A page of the matches (or of the head's) best first, ties by id.</summary>
    protected abstract Task<List<int>> RankedAsync(SearchMatch match, bool headOnly, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>A page of the matches (or of those outside the head) in archive order.</summary>
    protected abstract Task<List<int>> InArchiveOrderAsync(SearchMatch match, bool exceptHead, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>A snippet per article of the page, with the matched words between <see cref="SnippetHtml.Open"/> and <see cref="SnippetHtml.Close"/>.</summary>
    protected abstract Task<Dictionary<int, string>> SnippetsAsync(SearchMatch match, List<int> ids, CancellationToken cancellationToken);

    /// <summary>The dozen authors with most matches for the words alone.</summary>
    protected abstract Task<IReadOnlyList<SearchFacet>> AuthorCountsAsync(SearchMatch match, CancellationToken cancellationToken);

    /// <summary>Matching articles per theme for the words alone, driven from the tagged articles.</summary>
    protected abstract Task<IReadOnlyList<SearchFacet>> ThemeFacetsAsync(SearchMatch match, CancellationToken cancellationToken);

    protected abstract Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>The sample's index terms with how often each occurs in it, most frequent first.</summary>
    protected abstract Task<List<(string Term, long Count)>> SampleTermsAsync(string sample, CancellationToken cancellationToken);

    /// <summary>How many articles of the archive hold <paramref name="term"/> (an index term).</summary>
    protected abstract Task<long> DocumentsWithAsync(string term, CancellationToken cancellationToken);

    /// <summary>The articles closest to any of <paramref name="terms"/>, best first.</summary>
    protected abstract Task<List<int>> ClosestArticlesAsync(IReadOnlyList<string> terms, int limit, CancellationToken cancellationToken);

    /// <summary>Ranks texts against any of the index terms: (index into texts, score where higher is closer).</summary>
    protected abstract Task<List<(int Key, double Score)>> RankAgainstTermsAsync(IReadOnlyList<string> texts, IReadOnlyList<string> terms, int limit,
        CancellationToken cancellationToken);

    /// <summary>Ranks texts against any of the reader's words (folded, letters and digits only): (index into texts, score).</summary>
    protected abstract Task<List<(int Key, double Score)>> RankAgainstWordsAsync(IReadOnlyList<string> texts, IReadOnlyList<string> words, int limit,
        CancellationToken cancellationToken);

    [GeneratedRegex(@"[\p{L}\p{N}]{3,}")]
    private static partial Regex Words();
}
